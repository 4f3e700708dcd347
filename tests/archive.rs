//! The archive ledger (`.quotecheck/ledger.sqlite`) and `--since`, end to end:
//! unchanged articles are not parsed again, a changed one is, a ledger of
//! another schema version or a damaged or foreign file is a clear error with
//! the way out, two runs at once both succeed, and `--since` picks the files a
//! git revision changed. Every test works in its own temporary folder.

mod common;
use common::TempDir;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(dir: &Path, args: &[&str]) -> Output {
    common::quotecheck(dir)
        .args(args)
        .env("COLUMNS", "200")
        .output()
        .expect("run quotecheck")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error with miette's line wrapping undone.
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr)
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `--verbose` line: (parsed, reused, compared).
fn stats(o: &Output) -> (usize, usize, usize) {
    let e = stderr(o);
    let line = e
        .split("quotecheck: ")
        .find(|l| l.contains(" parsed, "))
        .unwrap_or_else(|| panic!("no ledger stats in: {e}"));
    let num = |word: &str| -> usize {
        let before = &line[..line.find(word).unwrap()];
        before
            .trim_end()
            .rsplit(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    (num(" parsed"), num(" reused"), num(" compared"))
}

const ARCHIVED: &str = "Party row over candidates\n\n\
\"We will not campaign to deselect any MP at all,\" said Jon Lansman, the group's founder.\n\n\
He added that members would decide.\n";

const NEW: &str = "Candidates row goes on\n\n\
\"We will never campaign to deselect any MP at all,\" said Jon Lansman, the group's founder.\n\n\
The party declined to comment.\n";

const OTHER: &str = "Council budget approved\n\n\
\"The library stays open on Sundays,\" said Mary Jones, the council leader.\n";

/// A project with an archive folder of two articles and a new article.
fn project() -> TempDir {
    let t = TempDir::new("archive");
    t.write("quotecheck.toml", "archive = [\"archive\"]\n");
    t.write("archive/one.txt", ARCHIVED);
    t.write("archive/two.txt", OTHER);
    t.write("new.txt", NEW);
    t
}

#[test]
fn cross_rules_see_the_archive_through_the_ledger() {
    let t = project();
    let o = run(t.path(), &["--format", "short", "-v", "new.txt"]);
    assert!(
        stdout(&o).contains("quote-wording-drift"),
        "{}{}",
        stdout(&o),
        stderr(&o)
    );
    assert!(t.path().join(".quotecheck/ledger.sqlite").is_file());
    // Only the archive article that shares words with the new one is loaded.
    assert_eq!(stats(&o).2, 1, "{}", stderr(&o));
    // The same findings as reading the archive folder directly.
    let direct = run(t.path(), &["--format", "short", "--no-ledger", "new.txt"]);
    assert_eq!(stdout(&o), stdout(&direct));
    // The ledger keeps itself out of git.
    let ignore = std::fs::read_to_string(t.path().join(".quotecheck/.gitignore")).unwrap();
    assert_eq!(ignore.trim(), "*");
}

#[test]
fn unchanged_articles_are_not_parsed_again() {
    let t = project();
    let first = run(t.path(), &["--format", "short", "-v", "archive/one.txt"]);
    // The two archive articles parsed once (the checked one is one of them).
    assert_eq!(stats(&first).0, 2, "{}", stderr(&first));
    let second = run(t.path(), &["--format", "short", "-v", "archive/one.txt"]);
    let (parsed, reused, _) = stats(&second);
    assert_eq!(parsed, 0, "{}", stderr(&second));
    assert!(reused >= 2, "{}", stderr(&second));
    assert_eq!(stdout(&first), stdout(&second));
}

#[test]
fn a_changed_article_is_parsed_again_and_its_rows_replaced() {
    let t = project();
    run(t.path(), &["--format", "short", "new.txt"]);
    let quotes = |t: &TempDir| -> String {
        let db = rusqlite::Connection::open(t.path().join(".quotecheck/ledger.sqlite")).unwrap();
        db.query_row(
            "SELECT group_concat(q.text, '|') FROM quotations q JOIN articles a ON a.id = q.article_id WHERE a.path = 'archive/two.txt'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(quotes(&t), "The library stays open on Sundays,");
    // Same size, new words: the hash tells.
    t.write("archive/two.txt", OTHER.replace("Sundays", "Mondays"));
    let o = run(t.path(), &["--format", "short", "-v", "new.txt"]);
    assert_eq!(
        stats(&o).0,
        2,
        "the changed article and new.txt: {}",
        stderr(&o)
    );
    assert_eq!(quotes(&t), "The library stays open on Mondays,");
    // A deleted article leaves the ledger.
    std::fs::remove_file(t.path().join("archive/two.txt")).unwrap();
    let o = run(t.path(), &["--format", "short", "-v", "new.txt"]);
    assert!(stderr(&o).contains("1 removed"), "{}", stderr(&o));
    let db = rusqlite::Connection::open(t.path().join(".quotecheck/ledger.sqlite")).unwrap();
    let n: i64 = db
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn findings_and_people_are_queryable() {
    let t = project();
    run(t.path(), &["--format", "short", "archive/one.txt"]);
    let db = rusqlite::Connection::open(t.path().join(".quotecheck/ledger.sqlite")).unwrap();
    let top: (String, i64) = db
        .query_row(
            "SELECT speaker, count(*) FROM quotations WHERE speaker IS NOT NULL AND kind IN ('direct', 'partial') GROUP BY speaker ORDER BY 2 DESC, 1 LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(top, ("Jon Lansman".to_string(), 1));
    let people: i64 = db
        .query_row("SELECT count(*) FROM people", [], |r| r.get(0))
        .unwrap();
    assert!(people >= 2);
}

#[test]
fn another_schema_version_is_a_clear_error_until_rebuilt() {
    let t = project();
    run(t.path(), &["--format", "short", "new.txt"]);
    let path = t.path().join(".quotecheck/ledger.sqlite");
    {
        let db = rusqlite::Connection::open(&path).unwrap();
        db.execute_batch("PRAGMA user_version = 99").unwrap();
    }
    let o = run(t.path(), &["--format", "short", "new.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("ledger schema version 99"), "{e}");
    assert!(e.contains("quotecheck ledger rebuild"), "{e}");
    let r = run(t.path(), &["ledger", "rebuild"]);
    assert!(r.status.success(), "{}", stderr(&r));
    let o = run(t.path(), &["--format", "short", "-v", "new.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stats(&o).0, 3);
}

#[test]
fn a_damaged_or_foreign_file_is_a_clear_error() {
    let t = project();
    t.write(
        ".quotecheck/ledger.sqlite",
        "this is not a database, just words\n",
    );
    let o = run(t.path(), &["--format", "short", "new.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("not a quotecheck ledger"), "{e}");
    assert!(e.contains("quotecheck ledger rebuild"), "{e}");
    assert!(!e.contains("panicked"), "{e}");
    // Someone else's SQLite database.
    let u = project();
    std::fs::create_dir_all(u.path().join(".quotecheck")).unwrap();
    {
        let db = rusqlite::Connection::open(u.path().join(".quotecheck/ledger.sqlite")).unwrap();
        db.execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');")
            .unwrap();
    }
    let o = run(u.path(), &["--format", "short", "new.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("of something else"), "{}", stderr(&o));
    // Its data is left alone until the user rebuilds.
    let db = rusqlite::Connection::open(u.path().join(".quotecheck/ledger.sqlite")).unwrap();
    let n: i64 = db
        .query_row("SELECT count(*) FROM recipes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    // A damaged page in a real ledger.
    let v = project();
    run(v.path(), &["--format", "short", "new.txt"]);
    let path = v.path().join(".quotecheck/ledger.sqlite");
    {
        let db = rusqlite::Connection::open(&path).unwrap();
        db.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    }
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    for b in &mut bytes[page..page * 3] {
        *b = 0xA5;
    }
    std::fs::write(&path, bytes).unwrap();
    let o = run(v.path(), &["--format", "short", "new.txt"]);
    assert_eq!(o.status.code(), Some(2), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stderr(&o).contains("quotecheck ledger rebuild"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[test]
fn two_runs_at_once_both_succeed_and_leave_one_consistent_ledger() {
    let t = project();
    for i in 0..30 {
        t.write(
            &format!("archive/more/{i:02}.txt"),
            format!(
                "Story {i}\n\n\"The plan number {i} was a good plan for the town,\" said Ann Lee{i}, a councillor.\n"
            ),
        );
    }
    let spawn = || {
        common::quotecheck(t.path())
            .args(["--format", "short", "-v", "new.txt"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let runs: Vec<_> = (0..4).map(|_| spawn()).collect();
    for r in runs {
        let o = r.wait_with_output().unwrap();
        assert!(
            o.status.code() == Some(0) || o.status.code() == Some(1),
            "{}",
            stderr(&o)
        );
        assert!(stdout(&o).contains("quote-wording-drift"), "{}", stderr(&o));
    }
    let db = rusqlite::Connection::open(t.path().join(".quotecheck/ledger.sqlite")).unwrap();
    let (articles, distinct): (i64, i64) = db
        .query_row(
            "SELECT count(*), count(DISTINCT path) FROM articles",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((articles, distinct), (32, 32));
    let orphans: i64 = db
        .query_row(
            "SELECT count(*) FROM quotations WHERE article_id NOT IN (SELECT id FROM articles)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
    let ok: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    // Then a warm run parses nothing of the archive.
    let o = run(t.path(), &["--format", "short", "-v", "new.txt"]);
    assert_eq!(stats(&o).0, 1, "{}", stderr(&o));
}

#[test]
fn the_ledger_path_comes_from_the_config_and_nothing_else_is_written() {
    let t = project();
    t.write(
        "quotecheck.toml",
        "archive = [\"archive\"]\nledger = \"state/qc.sqlite\"\n",
    );
    let before: Vec<_> = ["archive/one.txt", "archive/two.txt", "new.txt"]
        .iter()
        .map(|p| std::fs::read(t.path().join(p)).unwrap())
        .collect();
    let o = run(t.path(), &["--format", "short", "new.txt"]);
    assert!(o.status.code().is_some_and(|c| c < 2), "{}", stderr(&o));
    assert!(t.path().join("state/qc.sqlite").is_file());
    assert!(!t.path().join(".quotecheck").exists());
    let after: Vec<_> = ["archive/one.txt", "archive/two.txt", "new.txt"]
        .iter()
        .map(|p| std::fs::read(t.path().join(p)).unwrap())
        .collect();
    assert_eq!(before, after);
    let mut top: Vec<String> = std::fs::read_dir(t.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, ["archive", "new.txt", "quotecheck.toml", "state"]);
}

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .output()
        .expect("git");
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
}

#[test]
fn since_checks_the_files_changed_since_a_revision_against_the_rest() {
    let t = TempDir::new("archive");
    git(t.path(), &["init", "-q", "-b", "main"]);
    t.write("articles/old.txt", ARCHIVED);
    t.write("articles/other.md", OTHER);
    t.write("notes.rs", "fn main() {}\n");
    t.write(".gitignore", "ignored.txt\n.quotecheck/\n");
    git(t.path(), &["add", "."]);
    git(t.path(), &["commit", "-q", "-m", "archive"]);
    // Changed since: one new committed article, one untracked, one modified;
    // an ignored one and a deleted one are left out, and so is code.
    t.write("articles/new.txt", NEW);
    git(t.path(), &["add", "articles/new.txt"]);
    git(t.path(), &["commit", "-q", "-m", "new"]);
    t.write("draft.txt", OTHER);
    t.write("ignored.txt", NEW);
    t.write("notes.rs", "fn main() { }\n");
    std::fs::remove_file(t.path().join("articles/other.md")).unwrap();
    let o = run(t.path(), &["--since", "HEAD~1", "--format", "short", "-v"]);
    let out = stdout(&o);
    assert!(out.contains("articles/new.txt"), "{out}{}", stderr(&o));
    assert!(out.contains("quote-wording-drift"), "{out}");
    assert!(
        !out.contains("ignored.txt") && !out.contains("notes.rs"),
        "{out}"
    );
    // The files checked: new.txt and draft.txt (parsed); the rest of the repository
    // (articles/old.txt) is the archive.
    let (parsed, _, compared) = stats(&o);
    assert_eq!(parsed, 3, "{}", stderr(&o));
    assert_eq!(compared, 1, "{}", stderr(&o));
    // Nothing changed since HEAD but the untracked draft: a clean run.
    std::fs::remove_file(t.path().join("draft.txt")).unwrap();
    let o = run(t.path(), &["--since", "HEAD", "--format", "short"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "");
    // A revision git does not know.
    let o = run(t.path(), &["--since", "no-such-rev", "--format", "short"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--since no-such-rev"), "{}", stderr(&o));
}

#[test]
fn a_run_killed_half_way_leaves_the_ledger_usable() {
    let t = project();
    for i in 0..400 {
        t.write(
            &format!("archive/bulk/{i:03}.txt"),
            format!(
                "Story {i}\n\n\"Number {i} was a fine plan for the whole town and the county,\" said Ann Lee{i}, a councillor.\n\n\"We will keep going,\" she said.\n"
            ),
        );
    }
    // Kill runs at several moments of their work.
    for wait in [5u64, 40, 150] {
        let mut child = common::quotecheck(t.path())
            .args(["--format", "short", "new.txt"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(wait));
        let _ = child.kill();
        let _ = child.wait();
    }
    let o = run(t.path(), &["--format", "short", "-v", "new.txt"]);
    assert!(o.status.code().is_some_and(|c| c < 2), "{}", stderr(&o));
    assert!(stdout(&o).contains("quote-wording-drift"), "{}", stderr(&o));
    let db = rusqlite::Connection::open(t.path().join(".quotecheck/ledger.sqlite")).unwrap();
    let ok: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let n: i64 = db
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 402);
    let o = run(t.path(), &["--format", "short", "-v", "new.txt"]);
    assert_eq!(stats(&o).0, 1, "{}", stderr(&o));
}
