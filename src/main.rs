//! `councilpack`: parse flags → run → exit status (0 ok, 1 some input failed, 2 could not run).

use std::process::ExitCode;

use clap::Parser;
use councilpack::cli::{Cli, Command};
use councilpack::config::Config;

// Extraction allocates many small strings per line; mimalloc's thread-local free lists
// make that about a tenth of the run cheaper than glibc malloc, and scale across --jobs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (e.g. `| head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("councilpack: error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => {
            let config = Config::from_args(args)?;
            let outcome = councilpack::batch::run(&config)?;
            Ok(if outcome.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Text { file, furniture } => {
            use anyhow::Context;
            use std::io::Write;
            let bytes =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let book = councilpack::config::rule_book(None)?;
            let loaded = councilpack::load::load(&file, &bytes, &book.default.html)?;
            let mut out = std::io::stdout().lock();
            out.write_all(loaded.doc.to_text().as_bytes())?;
            if furniture && !loaded.doc.furniture.is_empty() {
                out.write_all(b"\x0c")?;
                out.write_all(loaded.doc.furniture_text().as_bytes())?;
            }
            for w in &loaded.warnings {
                eprintln!("warning [{}]: {}", w.code, w.message);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => {
            use councilpack::export::{Request, run};
            let outcome = run(&Request::from_args(args)?)?;
            Ok(if outcome.unreadable > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Schema { export } => {
            use std::io::Write;
            let schema = match export {
                None => councilpack::pack::json_schema(),
                Some(kind) => councilpack::export::json_schema(kind),
            };
            let mut out = std::io::stdout().lock();
            out.write_all(schema.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
