//! A progress bar on stderr for long runs, drawn by `indicatif`.
//!
//! It is drawn only when a person is watching: stderr is a terminal and stdout is not (when
//! stdout is the terminal, the output lines themselves show progress, and a bar redrawn
//! between them would garble both). And only for long runs: it stays hidden for the first
//! second, so a quick run prints nothing on stderr. Scripts, pipes and CI never see it.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before its bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// A progress bar, or nothing when no one would see it.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar over `len` items (files, documents), named `unit`.
    pub fn bar(len: u64, unit: &str) -> Progress {
        Progress::new(Some(len), unit)
    }

    /// A counter of items whose number is not known ahead (lines of stdin).
    pub fn counter(unit: &str) -> Progress {
        Progress::new(None, unit)
    }

    fn new(len: Option<u64>, unit: &str) -> Progress {
        if !std::io::stderr().is_terminal() || std::io::stdout().is_terminal() {
            return Progress { bar: None };
        }
        let (bar, template) = match len {
            Some(len) => (
                ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden()),
                format!("{{elapsed_precise}} [{{wide_bar}}] {{pos}}/{{len}} {unit} {{msg}}"),
            ),
            None => (
                ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()),
                format!("{{elapsed_precise}} {{spinner}} {{pos}} {unit} {{msg}}"),
            ),
        };
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
        Progress { bar: Some(bar) }
    }

    /// Counts `n` more items done; shows the bar once the run has gone on for [`DELAY`].
    pub fn inc(&self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
            if bar.is_hidden() && bar.elapsed() >= DELAY {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                // Redrawn between counts too, so a slow stretch does not look stuck.
                bar.enable_steady_tick(Duration::from_millis(250));
            }
        }
    }

    /// Says what the run is doing now (the file being read, "clustering").
    pub fn message(&self, message: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(message.to_string());
        }
    }

    /// Removes the bar from the terminal.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
