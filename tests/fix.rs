//! `--fix` and `--diff` end to end, and the promise that a normal run never
//! writes to an input file.

mod common;
use common::TempDir;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Output;
use std::time::SystemTime;

fn run(dir: &TempDir, args: &[&str]) -> Output {
    common::quotecheck(dir.path())
        .args(args)
        .output()
        .expect("run quotecheck")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What a file is: its bytes, mtime, inode and mode.
fn state(path: &Path) -> (Vec<u8>, SystemTime, u64, u32) {
    let m = std::fs::metadata(path).expect("metadata");
    (
        std::fs::read(path).expect("read"),
        m.modified().expect("mtime"),
        m.ino(),
        m.mode(),
    )
}

const CURLY_LOGICAL: &str = "[house]\nglyphs = \"curly\"\npunctuation = \"logical\"\n";

/// Straight marks, a reversed mark, a straight apostrophe and a comma inside a
/// fragment's closing mark, for a curly, logical house.
const FLAWED: &str = "Council backs plan\n\n\
    The leader said: \"We have listened to residents.\" He called it ”a fair deal” and said it's done.\n\n\
    She said the plan was \"a disgrace,\" and left.\n";

const FIXED: &str = "Council backs plan\n\n\
    The leader said: “We have listened to residents.” He called it “a fair deal” and said it’s done.\n\n\
    She said the plan was “a disgrace”, and left.\n";

#[test]
fn fix_swaps_glyphs_and_moves_punctuation_and_is_idempotent() {
    let dir = TempDir::new("fix");
    dir.write_aged("quotecheck.toml", CURLY_LOGICAL);
    let a = dir.write_aged("a.txt", FLAWED);
    let out = run(&dir, &["--fix", "--format", "short", "a.txt"]);
    assert_eq!(
        std::fs::read_to_string(&a).unwrap(),
        FIXED,
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("a.txt: 8 places fixed"),
        "{}",
        stderr(&out)
    );
    // The report after fixing is of what is left: nothing here.
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let before = state(&a);
    let again = run(&dir, &["--fix", "a.txt"]);
    assert_eq!(state(&a), before, "a second --fix rewrote the file");
    assert!(!stderr(&again).contains("fixed"), "{}", stderr(&again));
    let diff = run(&dir, &["--diff", "a.txt"]);
    assert_eq!(diff.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&diff.stdout), "");
}

#[test]
fn diff_shows_the_fixes_and_writes_nothing() {
    let dir = TempDir::new("fix");
    dir.write_aged("quotecheck.toml", CURLY_LOGICAL);
    let a = dir.write_aged("a.txt", FLAWED);
    let before = state(&a);
    let out = run(&dir, &["--diff", "a.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(state(&a), before, "--diff wrote the file");
    insta::assert_snapshot!("fix_diff", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn fix_keeps_crlf_bom_permissions_and_symlinks() {
    let dir = TempDir::new("fix");
    dir.write_aged("quotecheck.toml", CURLY_LOGICAL);
    let crlf = format!("\u{feff}{}", FLAWED.replace('\n', "\r\n"));
    let a = dir.write_aged("a.txt", &crlf);
    std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("a.txt", dir.join("link.txt")).unwrap();
    let out = run(&dir, &["--fix", "link.txt"]);
    let link = std::fs::symlink_metadata(dir.join("link.txt")).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    let expected = format!("\u{feff}{}", FIXED.replace('\n', "\r\n"));
    assert_eq!(
        std::fs::read_to_string(&a).unwrap(),
        expected,
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::metadata(&a).unwrap().mode() & 0o7777, 0o640);
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn fix_leaves_a_clean_file_alone() {
    let dir = TempDir::new("fix");
    dir.write_aged("quotecheck.toml", CURLY_LOGICAL);
    let clean = dir.write_aged("clean.txt", FIXED);
    let flawed = dir.write_aged("flawed.txt", FLAWED);
    let before = state(&clean);
    let out = run(&dir, &["--fix", "."]);
    assert_eq!(
        state(&clean),
        before,
        "a file with nothing to fix was rewritten"
    );
    assert_eq!(
        std::fs::read_to_string(&flawed).unwrap(),
        FIXED,
        "{}",
        stderr(&out)
    );
}

#[test]
fn fix_for_a_straight_american_house_and_primary_marks() {
    let dir = TempDir::new("fix");
    dir.write_aged(
        "quotecheck.toml",
        "[house]\nglyphs = \"straight\"\npunctuation = \"american\"\nprimary = \"double\"\n",
    );
    let a = dir.write_aged(
        "a.txt",
        "Storm hits coast\n\n\
         The mayor said: “We are ready.” She called the plan ‘a good start’ and left.\n\n\
         He called it “a disaster”, and it isn’t over.\n",
    );
    let out = run(&dir, &["--fix", "a.txt"]);
    assert_eq!(
        std::fs::read_to_string(&a).unwrap(),
        "Storm hits coast\n\n\
         The mayor said: \"We are ready.\" She called the plan \"a good start\" and left.\n\n\
         He called it \"a disaster,\" and it isn't over.\n",
        "{}",
        stderr(&out)
    );
}

#[test]
fn fix_never_touches_a_suppressed_finding_or_nested_marks_by_family() {
    let dir = TempDir::new("fix");
    dir.write_aged("quotecheck.toml", "[house]\nprimary = \"double\"\n");
    // A single-mark quotation holding a double one: swapping the outer pair
    // alone would leave double inside double, so it is not a pure swap.
    let text = "Row over plan\n\nShe said: ‘He told me “never” and left.’ Then she went.\n";
    let a = dir.write_aged("a.txt", text);
    let _ = run(&dir, &["--fix", "a.txt"]);
    assert_eq!(std::fs::read_to_string(&a).unwrap(), text);
}

/// Every input byte-identical, mtime unchanged, after a normal run in every
/// output format, and after `--diff`.
#[test]
fn a_normal_run_never_writes_to_an_input_file() {
    let dir = TempDir::new("fix");
    dir.write_aged("quotecheck.toml", CURLY_LOGICAL);
    let files = [
        dir.write_aged("a.txt", FLAWED),
        dir.write_aged("b.md", format!("# Title\n\n{FLAWED}")),
        dir.write_aged("c.txt", FIXED.replace('\n', "\r\n")),
    ];
    let before: Vec<_> = files.iter().map(|f| state(f)).collect();
    for args in [
        &["."][..],
        &["--format", "json", "."],
        &["--format", "sarif", "."],
        &["--format", "short", "."],
        &["--format", "github", "."],
        &["extract", "."],
        &["--diff", "."],
    ] {
        run(&dir, args);
        let after: Vec<_> = files.iter().map(|f| state(f)).collect();
        assert_eq!(
            after,
            before,
            "`quotecheck {}` changed an input",
            args.join(" ")
        );
    }
}
