//! Every test of this listing, in one test binary so that they run side by side.

mod output;
