//! The `quotecheck` command: arguments, which files, which renderer, exit code.
//! Nothing else prints.

use clap::{Parser, Subcommand, ValueEnum};
use quotecheck::config::Config;
use quotecheck::finding::Severity;
use quotecheck::render::findings::{Report, Style};
use quotecheck::rules::house::House;
use quotecheck::rules::{RuleSet, load_rules};
use quotecheck::{Extracted, check_with_archive, extract_targets, input, render};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// An article's extraction makes many small allocations (speaker phrases, names,
/// cue words); mimalloc serves them in about a fifth of the instructions of the
/// system allocator (callgrind, every 11th bbc file: 93.1M -> 83.1M instructions).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "quotecheck",
    version,
    about = "Check quotations and their attribution in news articles",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    check: CheckArgs,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders to check (`-` for standard input).
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// A folder of the newsroom's own rule files (repeatable); they add rules or
    /// replace shipped ones with the same id.
    #[arg(long = "rules", value_name = "DIR")]
    rules_dirs: Vec<PathBuf>,
    /// The config file (default: the nearest quotecheck.toml from here up).
    #[arg(long)]
    config: Option<PathBuf>,
    /// A house-style preset (ap, reuters, nyt, guardian, bbc, uk-honorific, wikipedia).
    #[arg(long)]
    preset: Option<String>,
    /// Articles the cross-article rules compare against without reporting on them
    /// (repeatable): e.g. everything published before.
    #[arg(long = "archive", value_name = "DIR")]
    archive: Vec<PathBuf>,
    /// `--deny warnings`: warnings fail the run too.
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// Check the editorial files changed since a git revision (`git diff
    /// --name-only REV` plus untracked files git does not ignore), e.g. in CI
    /// `--since origin/main`; the rest of the repository is the archive.
    #[arg(long, value_name = "REV")]
    since: Option<String>,
    #[command(flatten)]
    ledger: LedgerArgs,
    /// Print what the run did with the ledger on standard error.
    #[arg(long, short)]
    verbose: bool,
    /// Apply the fixes that cannot change meaning (quotation-mark glyphs, the
    /// punctuation by a closing mark), then check what is left.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Show those fixes as a unified diff, writing nothing.
    #[arg(long)]
    diff: bool,
}

#[derive(clap::Args)]
struct LedgerArgs {
    /// The archive ledger's file (default: `ledger` in quotecheck.toml, else
    /// `.quotecheck/ledger.sqlite` in the project folder).
    #[arg(long, value_name = "FILE")]
    ledger: Option<PathBuf>,
    /// Read the archive folders directly, without the ledger.
    #[arg(long, conflicts_with = "ledger")]
    no_ledger: bool,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Deny {
    Warnings,
}

#[derive(Subcommand)]
enum Command {
    /// Check the articles against the rules (the default).
    Check(CheckArgs),
    /// List every quotation with its kind and speaker.
    Extract {
        /// Files or folders to read (`-` for standard input).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
    },
    /// List every rule with its kind, severity and tier.
    Rules {
        #[arg(long = "rules", value_name = "DIR")]
        rules_dirs: Vec<PathBuf>,
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// The archive ledger: `quotecheck ledger rebuild` replaces a damaged or
    /// outdated ledger with a new one.
    Ledger {
        #[command(subcommand)]
        action: LedgerAction,
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        ledger: Option<PathBuf>,
    },
    /// Print a rule's documentation and examples.
    Explain {
        rule: String,
        #[arg(long = "rules", value_name = "DIR")]
        rules_dirs: Vec<PathBuf>,
        #[arg(long)]
        config: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum LedgerAction {
    /// Delete the ledger file and start a new one; the archive folders are
    /// indexed again on the next run.
    Rebuild,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    /// miette's graphical report, for people.
    Human,
    /// `path:line:col: severity[rule]: message`, one line each.
    Short,
    /// `contract/findings-json.md`.
    Json,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// GitHub Actions annotations.
    Github,
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
    match cli.command {
        Some(Command::Extract { paths, format }) => run_extract(&paths, format),
        Some(Command::Check(args)) => run_check(args),
        Some(Command::Rules { rules_dirs, config }) => run_rules(&rules_dirs, config, None),
        Some(Command::Explain {
            rule,
            rules_dirs,
            config,
        }) => run_rules(&rules_dirs, config, Some(rule)),
        Some(Command::Ledger {
            action: LedgerAction::Rebuild,
            config,
            ledger,
        }) => run_rebuild(config, ledger),
        None if cli.check.paths.is_empty() && cli.check.since.is_none() => {
            eprintln!("quotecheck: name the files or folders to check, e.g. `quotecheck seeds/`");
            ExitCode::from(2)
        }
        None => run_check(cli.check),
    }
}

fn print(out: &str) -> bool {
    std::io::stdout().lock().write_all(out.as_bytes()).is_ok()
}

fn report_errors<E: miette::Diagnostic + Send + Sync + 'static>(errors: Vec<E>) {
    for e in errors {
        eprintln!("{:?}", miette::Report::new(e));
    }
}

/// Read every target; the ones that fail are reported and left out.
fn read_all(paths: &[PathBuf]) -> (Vec<Extracted>, bool) {
    let (targets, mut errors) = input::targets(paths);
    let mut files = Vec::new();
    for result in extract_targets(&targets) {
        match result {
            Ok(f) => files.push(f),
            Err(e) => errors.push(e),
        }
    }
    let failed = !errors.is_empty();
    report_errors(errors);
    (files, failed)
}

fn run_extract(paths: &[PathBuf], format: ExtractFormat) -> ExitCode {
    let (files, failed) = read_all(paths);
    let out = match format {
        ExtractFormat::Text => render::extract_text::render(&files),
        ExtractFormat::Json => render::extract_json::render(&files),
    };
    if !print(&out) || failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// The config file and the rules, or the exit status of their failure.
fn load(config: Option<PathBuf>, dirs: &[PathBuf]) -> Result<(Config, RuleSet), ExitCode> {
    let config = match Config::find(config.as_deref()) {
        Ok(c) => c.unwrap_or_default(),
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(*e));
            return Err(ExitCode::from(2));
        }
    };
    let mut all_dirs = config.rule_dirs();
    all_dirs.extend(dirs.iter().cloned());
    match load_rules(&all_dirs, &config.rules) {
        Ok(rules) => Ok((config, rules)),
        Err(errors) => {
            report_errors(errors);
            Err(ExitCode::from(2))
        }
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    let (config, mut rules) = match load(args.config.clone(), &args.rules_dirs) {
        Ok(x) => x,
        Err(code) => return code,
    };
    if let Some(p) = &args.preset
        && House::preset(p).is_none()
    {
        eprintln!(
            "quotecheck: unknown house-style preset `{p}`; presets: {}",
            House::preset_names().join(", ")
        );
        return ExitCode::from(2);
    }
    let house = config.house(args.preset.as_deref());
    let unknown = rules.enable_for_house(&house, &config.rules);
    if !unknown.is_empty() {
        eprintln!(
            "quotecheck: the house style enables rules that do not exist: {}; `quotecheck rules` lists them",
            unknown.join(", ")
        );
        return ExitCode::from(2);
    }
    let mut paths = args.paths.clone();
    if let Some(rev) = &args.since {
        match quotecheck::archive::changed_since(rev, &args.paths) {
            Ok(changed) => paths = changed,
            Err(e) => {
                eprintln!("quotecheck: --since {rev}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let mut fix_failed = false;
    if args.fix || args.diff {
        match run_fixes(&args, &rules, &house, &config.suppress) {
            Ok(failed) => fix_failed = failed,
            Err(code) => return code,
        }
    }
    let mut archive_dirs = config.archive_dirs();
    archive_dirs.extend(args.archive.iter().cloned());
    let cwd = std::env::current_dir().unwrap_or_default();
    let config_dir = (args.config.is_some() || !config.dir.as_os_str().is_empty()).then(|| {
        if config.dir.as_os_str().is_empty() {
            cwd.clone()
        } else {
            config.dir.clone()
        }
    });
    let project = quotecheck::archive::project_dir(config_dir.as_deref(), &cwd);
    if args.since.is_some() && archive_dirs.is_empty() && !args.ledger.no_ledger {
        archive_dirs.push(project.clone());
    }
    let ledger_path = args.ledger.ledger.clone().or_else(|| config.ledger_path());
    let use_ledger = !args.ledger.no_ledger && (ledger_path.is_some() || !archive_dirs.is_empty());
    let (files, archive, failed, mut ledger_run) = if use_ledger {
        let path = ledger_path.unwrap_or_else(|| project.join(quotecheck::archive::DEFAULT_PATH));
        let (targets, mut errors) = input::targets(&paths);
        let opened = quotecheck::archive::LedgerDb::open(&path, &project);
        let prepared = opened.and_then(|db| db.prepare(&targets, &archive_dirs).map(|r| (db, r)));
        match prepared {
            Ok((db, mut run)) => {
                errors.append(&mut run.errors);
                let failed = !errors.is_empty();
                report_errors(errors);
                if args.verbose {
                    eprintln!("quotecheck: ledger {}: {}", path.display(), run.stats);
                }
                let files = std::mem::take(&mut run.files);
                let archive = std::mem::take(&mut run.archive);
                (files, archive, failed, Some((db, run)))
            }
            Err(e) => {
                eprintln!("{:?}", miette::Report::new(e));
                return ExitCode::from(2);
            }
        }
    } else {
        let (files, failed) = read_all(&paths);
        let (archive, archive_failed) = if archive_dirs.is_empty() || !rules.has_cross() {
            (Vec::new(), false)
        } else {
            read_all(&archive_dirs)
        };
        (files, archive, failed || archive_failed, None)
    };
    let failed = failed || fix_failed;
    let findings = check_with_archive(&files, &archive, &rules, &house, &config.suppress);
    if let Some((db, run)) = &mut ledger_run {
        run.files = files.clone();
        if let Err(e) = db.finish(run, &findings) {
            eprintln!("{:?}", miette::Report::new(e));
            return ExitCode::from(2);
        }
    }
    let report = Report {
        files: &files,
        findings: &findings,
    };
    let out = match args.format {
        Format::Human => {
            let terminal = std::io::stdout().is_terminal();
            let colour = terminal && std::env::var_os("NO_COLOR").is_none();
            let width = std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(if terminal { 100 } else { 80 });
            render::findings::human(&report, Style { colour, width })
        }
        Format::Short => render::findings::short(&report),
        Format::Json => render::findings::json(&report),
        Format::Sarif => render::findings::sarif(&report, &rules),
        Format::Github => render::findings::github(&report),
    };
    if !print(&out) || failed {
        return ExitCode::from(2);
    }
    let deny_warnings = config.deny_warnings || args.deny == Some(Deny::Warnings);
    let failing = if deny_warnings {
        Severity::Warning
    } else {
        Severity::Error
    };
    if findings
        .iter()
        .any(|f| f.suppressed.is_none() && f.severity >= failing)
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_rebuild(config: Option<PathBuf>, ledger: Option<PathBuf>) -> ExitCode {
    let named = config.is_some();
    let config = match Config::find(config.as_deref()) {
        Ok(c) => c.unwrap_or_default(),
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(*e));
            return ExitCode::from(2);
        }
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let config_dir = (named || !config.dir.as_os_str().is_empty()).then(|| {
        if config.dir.as_os_str().is_empty() {
            cwd.clone()
        } else {
            config.dir.clone()
        }
    });
    let project = quotecheck::archive::project_dir(config_dir.as_deref(), &cwd);
    let path = ledger
        .or_else(|| config.ledger_path())
        .unwrap_or_else(|| project.join(quotecheck::archive::DEFAULT_PATH));
    match quotecheck::archive::LedgerDb::rebuild(&path, &project) {
        Ok(_) => {
            eprintln!(
                "quotecheck: new ledger at {}; the archive is indexed on the next run",
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(e));
            ExitCode::from(2)
        }
    }
}

/// `--diff`: print the fixes and stop (exit 1 when there are some). `--fix`:
/// write them and go on to check what is left (`Ok(true)` when a write failed).
/// Files that cannot be read are reported by the check that follows a `--fix`.
fn run_fixes(
    args: &CheckArgs,
    rules: &RuleSet,
    house: &House,
    suppress: &[quotecheck::config::Suppression],
) -> Result<bool, ExitCode> {
    let (targets, walk_errors) = input::targets(&args.paths);
    let results = quotecheck::fix::fix_targets(&targets, rules, house, suppress);
    if args.diff {
        let mut errors = walk_errors;
        let mut out = String::new();
        for r in results {
            match r {
                Ok(f) => out.push_str(&quotecheck::fix::unified_diff(
                    &f.target.display,
                    &f.old,
                    &f.new,
                )),
                Err(e) => errors.push(e),
            }
        }
        let failed = !errors.is_empty();
        report_errors(errors);
        return Err(if !print(&out) || failed {
            ExitCode::from(2)
        } else if out.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    let mut failed = false;
    for f in results.into_iter().flatten() {
        if f.new == f.old {
            continue;
        }
        let written = match &f.target.origin {
            input::Origin::File(p) => quotecheck::fix::write_atomic(p, f.new.as_bytes()),
            input::Origin::Stdin => {
                eprintln!("quotecheck: <stdin>: cannot fix standard input; use --diff");
                failed = true;
                continue;
            }
        };
        match written {
            Ok(()) => eprintln!(
                "quotecheck: {}: {} fixed",
                f.target.display,
                match f.edits {
                    1 => "1 place".to_string(),
                    n => format!("{n} places"),
                }
            ),
            Err(e) => {
                eprintln!(
                    "quotecheck: {}: cannot write the fixes: {e}",
                    f.target.display
                );
                failed = true;
            }
        }
    }
    Ok(failed)
}

fn run_rules(dirs: &[PathBuf], config: Option<PathBuf>, explain: Option<String>) -> ExitCode {
    let (config, mut rules) = match load(config, dirs) {
        Ok(x) => x,
        Err(code) => return code,
    };
    // Show the rules as a check would run them under the configured house.
    let _ = rules.enable_for_house(&config.house(None), &config.rules);
    let out = match explain {
        None => render::rules::list(&rules),
        Some(id) => match rules.get(&id) {
            Some(r) => render::rules::explain(r),
            None => {
                eprintln!("quotecheck: no rule `{id}`; `quotecheck rules` lists them");
                return ExitCode::from(2);
            }
        },
    };
    if print(&out) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
