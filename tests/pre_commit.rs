//! quotecheck as a real pre-commit hook: a temporary git repository of articles
//! uses this repository's `.pre-commit-hooks.yaml` through the pre-commit
//! framework (PyPI `pre-commit`, which builds the hook with `cargo install`).
//! A commit of a flawed article is blocked with the diagnostic shown; a clean
//! article goes through.
//!
//! The hook is built from the committed HEAD of this repository, as a newsroom
//! would pin a `rev`. Without pre-commit or git the test says so and skips,
//! except under CI (`CI` set), where `.ci/run` installs pre-commit and a skip
//! would hide a broken hook.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tool_works(cmd: &str, arg: &str) -> bool {
    Command::new(cmd)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn run(dir: &Path, cmd: &str, args: &[&str]) -> Output {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Command::new(cmd)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // The hook's build reuses compiled dependencies between runs.
        .env("CARGO_TARGET_DIR", root.join("target/pre-commit-build"))
        .env("PRE_COMMIT_HOME", root.join("target/pre-commit-home"))
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd}: {e}"))
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn skip_or_fail(why: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("pre-commit hook test cannot run under CI: {why}");
    }
    eprintln!("skipped: the pre-commit hook test needs {why}");
}

#[test]
fn hook_blocks_a_flawed_article_and_passes_a_clean_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !tool_works("pre-commit", "--version") {
        return skip_or_fail("`pre-commit` (pip install pre-commit)");
    }
    let head = run(root, "git", &["rev-parse", "HEAD"]);
    if !head.status.success() {
        return skip_or_fail("this repository as a git checkout");
    }
    let rev = String::from_utf8_lossy(&head.stdout).trim().to_string();

    let repo: PathBuf =
        std::env::temp_dir().join(format!("quotecheck-hook-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&repo);
    std::fs::create_dir_all(&repo).unwrap();
    assert!(run(&repo, "git", &["init", "-q"]).status.success());
    std::fs::write(
        repo.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: quotecheck\n",
            root.display()
        ),
    )
    .unwrap();
    let install = run(&repo, "pre-commit", &["install"]);
    assert!(install.status.success(), "{}", text(&install));

    std::fs::write(
        repo.join("clean.md"),
        "# Council approves plan\n\nThe council approved the housing plan on Monday.\n\n\
         Council leader Jane Smith said: “This is good news for the city.”\n",
    )
    .unwrap();
    run(
        &repo,
        "git",
        &["add", "clean.md", ".pre-commit-config.yaml"],
    );
    let ok = run(&repo, "git", &["commit", "-q", "-m", "clean article"]);
    assert!(
        ok.status.success(),
        "the clean article was blocked:\n{}",
        text(&ok)
    );

    std::fs::write(
        repo.join("flawed.md"),
        "# Council approves plan\n\nThe council approved the housing plan on Monday.\n\n\
         “Rather than throwing the city into chaos we should be focused on winning.”\n",
    )
    .unwrap();
    run(&repo, "git", &["add", "flawed.md"]);
    let blocked = run(&repo, "git", &["commit", "-q", "-m", "flawed article"]);
    let out = text(&blocked);
    assert!(
        !blocked.status.success(),
        "the flawed article was committed:\n{out}"
    );
    assert!(out.contains("quote-without-speaker"), "{out}");
    assert!(out.contains("flawed.md"), "{out}");
    let log = run(&repo, "git", &["log", "--oneline"]);
    assert_eq!(String::from_utf8_lossy(&log.stdout).lines().count(), 1);
    let _ = std::fs::remove_dir_all(&repo);
}
