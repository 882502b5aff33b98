//! The book's languages: what each one builds from, and the words the `{{#listing}}`
//! directive prints in it.

use crate::interface::{ENGLISH, Interface, PERSIAN, RUSSIAN, THAI};

/// One language of the book: one section in `src/<code>/`, one book in `book/<code>/`.
#[derive(Debug, Clone, Copy)]
pub struct Lang {
    /// The language code: the folder names and `<html lang>`.
    pub code: &'static str,
    /// The language's name in itself, for the picker and messages.
    pub name: &'static str,
    /// Whether the text runs right to left.
    pub rtl: bool,
    /// The book's title in this language.
    pub title: &'static str,
    /// The notes (`shared/seeds/original/NNN_*.txt`) this section covers.
    pub notes: &'static [&'static str],
    /// When true, a listing of `notes` that the section does not include fails the check;
    /// when false, the check only lists them (a section still being written).
    pub complete: bool,
    /// When true, the section has every chapter of the English book, each with its record
    /// (see [`crate::translation`]): a missing or unrecorded chapter fails the check. When
    /// false, the check lists them (a translation still being written).
    pub whole: bool,
    /// The captions of a listing.
    pub words: Words,
    /// mdBook's interface in this language (see [`crate::interface`]).
    pub ui: &'static Interface,
}

/// The captions the `{{#listing}}` and `{{#compile-fail}}` directives print.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub go: &'static str,
    pub rust: &'static str,
    pub run: &'static str,
    pub output: &'static str,
    pub checked_by: &'static str,
    pub any_order: &'static str,
    pub varies: &'static str,
    pub rejected: &'static str,
    pub compiler_error: &'static str,
    /// The notice on a translated chapter that follows an older English chapter ...
    pub stale: &'static str,
    /// ... or does not say which English chapter it follows.
    pub unrecorded: &'static str,
    /// The link to the English chapter under either notice.
    pub read_english: &'static str,
}

/// Every language, English first: it covers all the notes.
pub const LANGUAGES: &[Lang] = &[
    Lang {
        code: "en",
        name: "English",
        rtl: false,
        title: "Go Concurrency Patterns in Rust",
        notes: &["001", "002", "003", "004"],
        complete: true,
        whole: true,
        words: Words {
            go: "Go",
            rust: "Rust",
            run: "run",
            output: "Output",
            checked_by: "checked by",
            any_order: "the lines may come in any order",
            varies: "<code>[..]</code> changes from run to run",
            rejected: "Rust that does not compile",
            compiler_error: "The compiler's error",
            stale: "",
            unrecorded: "",
            read_english: "",
        },
        ui: &ENGLISH,
    },
    Lang {
        code: "fa",
        name: "فارسی",
        rtl: true,
        title: "الگوهای همزمانی Go در Rust",
        notes: &["002"],
        complete: true,
        whole: true,
        words: Words {
            go: "Go",
            rust: "Rust",
            run: "اجرا",
            output: "خروجی",
            checked_by: "بررسی‌شده با",
            any_order: "ترتیب خط‌ها ممکنه عوض بشه",
            varies: "<code>[..]</code> از یه اجرا به اجرای دیگه فرق می‌کنه",
            rejected: "کد Rust که کامپایل نمی‌شه",
            compiler_error: "خطای کامپایلر",
            stale: "این ترجمه از نسخه‌ی قدیمی‌تری از فصل انگلیسی پیروی می‌کنه؛ فصل انگلیسی از اون موقع تغییر کرده.",
            unrecorded: "هنوز معلوم نیست این ترجمه با نسخه‌ی فعلی فصل انگلیسی هم‌خوانه.",
            read_english: "خوندن فصل انگلیسی",
        },
        ui: &PERSIAN,
    },
    Lang {
        code: "ru",
        name: "Русский",
        rtl: false,
        title: "Паттерны конкурентности Go на Rust",
        notes: &["001", "003"],
        complete: true,
        whole: true,
        words: Words {
            go: "Go",
            rust: "Rust",
            run: "запуск",
            output: "Вывод",
            checked_by: "проверяется командой",
            any_order: "строки могут идти в любом порядке",
            varies: "<code>[..]</code> меняется от запуска к запуску",
            rejected: "Код на Rust, который не компилируется",
            compiler_error: "Ошибка компилятора",
            stale: "Этот перевод следует более ранней версии английской главы: с тех пор она изменилась.",
            unrecorded: "Пока не отмечено, соответствует ли перевод текущей версии английской главы.",
            read_english: "Читать английскую главу",
        },
        ui: &RUSSIAN,
    },
    Lang {
        code: "th",
        name: "ไทย",
        rtl: false,
        title: "รูปแบบ Concurrency ของ Go ใน Rust",
        notes: &["004"],
        complete: true,
        whole: true,
        words: Words {
            go: "Go",
            rust: "Rust",
            run: "รัน",
            output: "ผลลัพธ์",
            checked_by: "ตรวจด้วย",
            any_order: "บรรทัดอาจสลับลำดับได้",
            varies: "<code>[..]</code> เปลี่ยนไปในแต่ละครั้งที่รัน",
            rejected: "โค้ด Rust ที่คอมไพล์ไม่ผ่าน",
            compiler_error: "ข้อความ error จากคอมไพเลอร์",
            stale: "คำแปลนี้อิงบทภาษาอังกฤษฉบับก่อน บทภาษาอังกฤษมีการแก้ไขหลังจากนั้น",
            unrecorded: "ยังไม่ได้ระบุว่าคำแปลนี้ตรงกับบทภาษาอังกฤษฉบับปัจจุบันหรือไม่",
            read_english: "อ่านบทภาษาอังกฤษ",
        },
        ui: &THAI,
    },
];

/// The language with this code.
pub fn by_code(code: &str) -> Option<&'static Lang> {
    LANGUAGES.iter().find(|l| l.code == code)
}

/// The language for a book language code, English when unknown.
pub fn for_book_language(code: Option<&str>) -> &'static Lang {
    code.and_then(by_code).unwrap_or(&LANGUAGES[0])
}
