//! The `quotecheck` command: arguments, which files, which renderer, exit code.
//! Nothing else prints.

use clap::{Parser, Subcommand, ValueEnum};
use quotecheck::{Extracted, extract_targets, input, render};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "quotecheck",
    version,
    about = "Find every quotation in news articles and who said it",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files or folders to read (`-` for standard input).
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    format: ExtractFormat,
}

#[derive(Subcommand)]
enum Command {
    /// List every quotation with its kind and speaker.
    Extract {
        /// Files or folders to read (`-` for standard input).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    /// For people: per file, each quotation's line, kind, speaker and first words.
    Text,
    /// For tools: `contract/extract-json.md`.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (paths, format) = match cli.command {
        Some(Command::Extract { paths, format }) => (paths, format),
        None if cli.paths.is_empty() => {
            eprintln!("quotecheck: name the files or folders to read, e.g. `quotecheck seeds/`");
            return ExitCode::from(2);
        }
        None => (cli.paths, cli.format),
    };
    run_extract(&paths, format)
}

fn run_extract(paths: &[PathBuf], format: ExtractFormat) -> ExitCode {
    let (targets, mut errors) = input::targets(paths);
    let mut files: Vec<Extracted> = Vec::new();
    for result in extract_targets(&targets) {
        match result {
            Ok(f) => files.push(f),
            Err(e) => errors.push(e),
        }
    }
    let out = match format {
        ExtractFormat::Text => render::extract_text::render(&files),
        ExtractFormat::Json => render::extract_json::render(&files),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(out.as_bytes()).is_err() {
        return ExitCode::from(2);
    }
    let failed = !errors.is_empty();
    for e in errors {
        eprintln!("{:?}", miette::Report::new(e));
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}
