//! The words of mdBook's own interface (the menu bar, the sidebar, the navigation, the
//! keyboard help, the callout titles, the code buttons, the 404 page) in each language.
//!
//! mdBook 0.5.4 writes them in English only: in its templates (`index.hbs`), in `book.js`
//! and in its callout renderer. `cargo xtask build` replaces each English string by the
//! language's (see `xtask/src/site.rs`, `localize`); [`ENGLISH`] is mdBook's text exactly,
//! so that replacement finds it. A [`crate::lang::Lang`] names its table as `ui`.

/// One language's interface strings. The English table is mdBook's own text.
#[derive(Debug, Clone, Copy)]
pub struct Interface {
    /// Every page's `<meta name="description">`. English: book.toml's `[book] description`
    /// (empty here, so that it has one home).
    pub description: &'static str,
    /// The sidebar button: its tooltip and its name.
    pub toc_toggle: &'static str,
    /// The sidebar's name.
    pub toc: &'static str,
    /// The theme button and its list.
    pub change_theme: &'static str,
    pub themes: &'static str,
    /// The theme names. Rust and Ayu are names, the same in every language.
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_coal: &'static str,
    pub theme_navy: &'static str,
    /// The print button.
    pub print: &'static str,
    /// The previous/next arrows and the bar that holds them.
    pub page_nav: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    /// The keyboard help (`?`): its title and lines (HTML, with `<kbd>`).
    pub shortcuts: &'static str,
    pub help_arrows: &'static str,
    pub help_show: &'static str,
    pub help_hide: &'static str,
    /// The callout titles (`> [!NOTE]` ...).
    pub note: &'static str,
    pub tip: &'static str,
    pub important: &'static str,
    pub warning: &'static str,
    pub caution: &'static str,
    /// The code blocks' buttons and the copy tooltip (`book.js`).
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub show_hidden: &'static str,
    pub hide_lines: &'static str,
    /// The 404 page: its `<title>` (before " - <book title>"), heading and text.
    pub not_found_title: &'static str,
    pub not_found_heading: &'static str,
    pub not_found_text: &'static str,
}

/// mdBook 0.5.4's own strings.
pub const ENGLISH: Interface = Interface {
    description: "",
    toc_toggle: "Toggle Table of Contents",
    toc: "Table of contents",
    change_theme: "Change theme",
    themes: "Themes",
    theme_auto: "Auto",
    theme_light: "Light",
    theme_coal: "Coal",
    theme_navy: "Navy",
    print: "Print this book",
    page_nav: "Page navigation",
    previous: "Previous chapter",
    next: "Next chapter",
    shortcuts: "Keyboard shortcuts",
    help_arrows: "Press <kbd>←</kbd> or <kbd>→</kbd> to navigate between chapters",
    help_show: "Press <kbd>?</kbd> to show this help",
    help_hide: "Press <kbd>Esc</kbd> to hide this help",
    note: "Note",
    tip: "Tip",
    important: "Important",
    warning: "Warning",
    caution: "Caution",
    copy: "Copy to clipboard",
    copied: "Copied!",
    copy_failed: "Clipboard error!",
    show_hidden: "Show hidden lines",
    hide_lines: "Hide lines",
    not_found_title: "Page not found",
    not_found_heading: "Document not found (404)",
    not_found_text: "This URL is invalid, sorry. Please use the navigation bar or search to continue.",
};

/// Persian, in the book's conversational register.
pub const PERSIAN: Interface = Interface {
    description: "الگوهای همزمانی Go با برنامه‌های Rust که تست شدن، و کد اصلی Go کنار هر کدوم.",
    toc_toggle: "نشون دادن یا بستن فهرست",
    toc: "فهرست مطالب",
    change_theme: "عوض کردن پوسته",
    themes: "پوسته‌ها",
    theme_auto: "خودکار",
    theme_light: "روشن",
    theme_coal: "زغالی",
    theme_navy: "سرمه‌ای",
    print: "چاپ کل کتاب",
    page_nav: "رفتن به فصل قبلی یا بعدی",
    previous: "فصل قبلی",
    next: "فصل بعدی",
    shortcuts: "میان‌برهای صفحه‌کلید",
    help_arrows: "با <kbd>←</kbd> و <kbd>→</kbd> بین فصل‌ها جابه‌جا می‌شی",
    help_show: "با <kbd>?</kbd> این راهنما باز می‌شه",
    help_hide: "با <kbd>Esc</kbd> بسته می‌شه",
    note: "توجه",
    tip: "نکته",
    important: "مهم",
    warning: "هشدار",
    caution: "احتیاط",
    copy: "کپی کن",
    copied: "کپی شد!",
    copy_failed: "کپی نشد!",
    show_hidden: "نشون دادن خط‌های پنهان",
    hide_lines: "پنهان کردن خط‌ها",
    not_found_title: "صفحه پیدا نشد",
    not_found_heading: "این صفحه پیدا نشد (۴۰۴)",
    not_found_text: "این نشونی وجود نداره. از فهرست یا جست‌وجو کمک بگیر.",
};

/// Russian.
pub const RUSSIAN: Interface = Interface {
    description: "Паттерны конкурентности Go на проверенных тестами программах на Rust — рядом с каждой оригинал на Go.",
    toc_toggle: "Показать или скрыть оглавление",
    toc: "Оглавление",
    change_theme: "Сменить тему",
    themes: "Темы",
    theme_auto: "Авто",
    theme_light: "Светлая",
    theme_coal: "Угольная",
    theme_navy: "Тёмно-синяя",
    print: "Распечатать книгу",
    page_nav: "Переход между главами",
    previous: "Предыдущая глава",
    next: "Следующая глава",
    shortcuts: "Сочетания клавиш",
    help_arrows: "<kbd>←</kbd> и <kbd>→</kbd> — переход между главами",
    help_show: "<kbd>?</kbd> — показать эту справку",
    help_hide: "<kbd>Esc</kbd> — скрыть её",
    note: "Примечание",
    tip: "Совет",
    important: "Важно",
    warning: "Предупреждение",
    caution: "Осторожно",
    copy: "Копировать",
    copied: "Скопировано!",
    copy_failed: "Не удалось скопировать",
    show_hidden: "Показать скрытые строки",
    hide_lines: "Скрыть строки",
    not_found_title: "Страница не найдена",
    not_found_heading: "Страница не найдена (404)",
    not_found_text: "Такого адреса нет. Воспользуйтесь оглавлением или поиском.",
};

/// Thai.
pub const THAI: Interface = Interface {
    description: "รูปแบบ concurrency ของ Go สอนผ่านโปรแกรม Rust ที่ผ่านการทดสอบ พร้อมโค้ด Go ต้นฉบับเคียงข้างทุกตัวอย่าง",
    toc_toggle: "แสดงหรือซ่อนสารบัญ",
    toc: "สารบัญ",
    change_theme: "เปลี่ยนธีม",
    themes: "ธีม",
    theme_auto: "อัตโนมัติ",
    theme_light: "สว่าง",
    theme_coal: "ถ่าน",
    theme_navy: "กรมท่า",
    print: "พิมพ์หนังสือเล่มนี้",
    page_nav: "ไปบทก่อนหน้าหรือบทถัดไป",
    previous: "บทก่อนหน้า",
    next: "บทถัดไป",
    shortcuts: "แป้นลัด",
    help_arrows: "กด <kbd>←</kbd> หรือ <kbd>→</kbd> เพื่อไปบทก่อนหน้าหรือบทถัดไป",
    help_show: "กด <kbd>?</kbd> เพื่อเปิดหน้าช่วยเหลือนี้",
    help_hide: "กด <kbd>Esc</kbd> เพื่อปิดหน้าช่วยเหลือนี้",
    note: "หมายเหตุ",
    tip: "เคล็ดลับ",
    important: "สำคัญ",
    warning: "คำเตือน",
    caution: "ข้อควรระวัง",
    copy: "คัดลอก",
    copied: "คัดลอกแล้ว!",
    copy_failed: "คัดลอกไม่สำเร็จ",
    show_hidden: "แสดงบรรทัดที่ซ่อนอยู่",
    hide_lines: "ซ่อนบรรทัด",
    not_found_title: "ไม่พบหน้านี้",
    not_found_heading: "ไม่พบหน้านี้ (404)",
    not_found_text: "ไม่มีหน้านี้อยู่ ลองใช้สารบัญหรือการค้นหาแทน",
};
