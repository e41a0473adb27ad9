//! Colour for people: on only when standard output is a terminal and
//! `NO_COLOR` is unset or empty (no-color.org), so pipes and files get plain
//! text.

use std::io::IsTerminal;

use handoff_coach::Severity;

/// Whether to colour, and the few colours the reports use.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    on: bool,
}

impl Style {
    /// Colour when standard output is a terminal and `NO_COLOR` says nothing.
    pub fn detect() -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            on: !no_color && std::io::stdout().is_terminal(),
        }
    }

    /// Plain text, for tests.
    #[cfg(test)]
    pub fn plain() -> Style {
        Style { on: false }
    }

    fn paint(self, sgr: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{sgr}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// A severity's colour (bold red, yellow, cyan), as rustc uses them.
    pub fn severity(self, s: Severity, text: &str) -> String {
        let sgr = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Hint => "1;36",
        };
        self.paint(sgr, text)
    }

    /// Emphasis: rule ids and headings.
    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    /// The line-number gutter.
    pub fn gutter(self, text: &str) -> String {
        self.paint("1;34", text)
    }

    /// Something satisfied.
    pub fn good(self, text: &str) -> String {
        self.paint("32", text)
    }

    /// Something missing.
    pub fn bad(self, text: &str) -> String {
        self.paint("31", text)
    }

    /// Something that does not apply.
    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }
}
