//! Hostile and broken input: each gets the right result or a clear error naming
//! the file, in time linear in its size, with no panic, and the other files are
//! still checked. Big inputs are generated here, never committed; they are
//! smaller in a debug build (`cargo test`) than in release (`cargo test
//! --release`), where they are near the sizes.
//! (Invalid UTF-8 and a binary file are in tests/cli.rs.)

mod common;
use common::TempDir;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Output;

/// The everyday size, or the full size with `QUOTECHECK_HOSTILE_BIG=1`
/// (`QUOTECHECK_HOSTILE_BIG=1 cargo test --release --test hostile --
/// --test-threads=1`: a 200 MB article alone needs about 6 GB). Speed is
/// measured by the benchmarks and reported in the closing notes, not asserted
/// here: these tests check results and no panics.
fn size(everyday: usize, big: usize) -> usize {
    if std::env::var_os("QUOTECHECK_HOSTILE_BIG").is_some() {
        big
    } else {
        everyday
    }
}

fn run(dir: &Path, args: &[&str]) -> Output {
    common::quotecheck(dir)
        .args(args)
        .output()
        .expect("run quotecheck")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// No panic: exit status 0, 1 or 2, never 101, and no "panicked" on stderr.
fn assert_no_panic(out: &Output) {
    assert!(
        matches!(out.status.code(), Some(0..=2)) && !stderr(out).contains("panicked"),
        "status {:?}, stderr:\n{}",
        out.status,
        stderr(out)
    );
}

const CLEAN: &str =
    "Council backs plan\n\nThe leader of the council said: “We have listened to residents.”\n";

/// A clean article beside the hostile one, which must still be checked.
fn with_clean(dir: &TempDir) {
    dir.write("clean.txt", CLEAN);
}

fn assert_clean_checked(out: &Output) {
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stderr(out)));
    let listed = doc["files"].as_array().is_some_and(|f| {
        f.iter()
            .any(|f| f["path"].as_str().is_some_and(|p| p.ends_with("clean.txt")))
    });
    assert!(listed, "clean.txt was not extracted: {doc}");
}

#[test]
fn empty_file_is_fine() {
    let dir = TempDir::new("hostile");
    with_clean(&dir);
    dir.write("empty.txt", "");
    dir.write("blank.md", "\n\n   \n");
    let out = run(dir.path(), &["--format", "short", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

/// A long article of ordinary news paragraphs: quotations, names, anonymous
/// sources, apostrophes.
fn article(bytes: usize) -> String {
    let paras = [
        "The minister said: \"We will build more homes this year.\" Critics called it \"a fantasy\", and Mr Smith's aides disagreed.",
        "A senior official, who asked not to be named, said: “The plan will not survive the summer.”",
        "Ms Jones told reporters the council had “no intention” of changing course.",
        "“It’s a good day for the town,” said Jane Smith, the mayor. She added that work would start soon.",
    ];
    let mut s = String::from("Homes plan under fire\n\n");
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(paras[i % paras.len()]);
        s.push_str("\n\n");
        i += 1;
    }
    s
}

#[test]
fn big_article_is_checked_in_linear_time() {
    let dir = TempDir::new("hostile");
    let small = size(250_000, 50_000_000);
    dir.write("small.txt", article(small));
    dir.write("big.txt", article(small * 4));
    let a = run(dir.path(), &["--format", "short", "small.txt"]);
    let b = run(dir.path(), &["--format", "short", "big.txt"]);
    assert_no_panic(&a);
    assert_no_panic(&b);
    assert!(stdout(&b).lines().count() > 100, "findings expected");
}

#[test]
fn one_long_line_without_newline() {
    let dir = TempDir::new("hostile");
    with_clean(&dir);
    let n = size(400_000, 50_000_000);
    let unit = "He said \"yes\" and she said 'no' and they left. ";
    let line: String = unit.repeat(n / unit.len());
    dir.write("line.txt", &line);
    let out = run(dir.path(), &["extract", "--format", "json", "."]);
    assert_no_panic(&out);
    assert_clean_checked(&out);
    let out = run(dir.path(), &["--format", "short", "line.txt"]);
    assert_no_panic(&out);
}

#[test]
fn many_quotations_many_unmatched_and_deep_nesting() {
    let dir = TempDir::new("hostile");
    with_clean(&dir);
    let quotes = size(10_000, 100_000);
    let unit =
        "The minister said: “We will build more homes.” A source said: \"It will fail.\"\n\n";
    dir.write("quotes.txt", unit.repeat(quotes / 2));
    let unmatched = size(4_000, 10_000);
    let marks: Vec<&str> = (0..unmatched)
        .map(|i| ["“word", "”word", "\"word", "‘word"][i % 4])
        .collect();
    dir.write(
        "unmatched.txt",
        format!("Marks\n\nHe said: {}\n", marks.join(" ")),
    );
    let depth = size(2_000, 10_000);
    dir.write(
        "nested.txt",
        format!(
            "Nest\n\nHe said: {}deep{} and left.\n",
            "“‘".repeat(depth / 2),
            "’”".repeat(depth / 2)
        ),
    );
    let out = run(dir.path(), &["extract", "--format", "json", "."]);
    assert_no_panic(&out);
    assert_clean_checked(&out);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let count = |name: &str| {
        doc["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(name))
            .unwrap()["quotes"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count("quotes.txt"), quotes);
    // Extraction lists only the outermost quotation (the nested ones are part
    // of its words)...
    assert_eq!(count("nested.txt"), 1);
    for f in ["quotes.txt", "unmatched.txt", "nested.txt"] {
        let out = run(dir.path(), &["--format", "short", f]);
        assert_no_panic(&out);
    }
    // ...but every level is paired: the nesting rule (which accepts three
    // levels) reports each quotation deeper than that, down to the innermost.
    let out = run(dir.path(), &["--format", "json", "nested.txt"]);
    assert_no_panic(&out);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let deep: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["message"].as_str())
        .filter(|m| m.contains("levels deep"))
        .collect();
    assert_eq!(
        deep.len(),
        depth - 3,
        "one finding per level past the third"
    );
    assert!(
        deep.iter()
            .any(|m| m.ends_with(&format!("nested {depth} levels deep"))),
        "the innermost quotation is found"
    );
    // Unmatched marks are reported as mark problems, each at its mark.
    let out = run(dir.path(), &["--format", "json", "unmatched.txt"]);
    assert_no_panic(&out);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["rule"]
                .as_str()
                .is_some_and(|r| matches!(r, "unbalanced-quote-marks" | "reversed-quote-mark"))
        })
        .count();
    assert!(problems > 0, "unmatched marks reported");
}

#[test]
fn unreadable_file_is_named_and_the_others_checked() {
    let dir = TempDir::new("hostile");
    with_clean(&dir);
    // Tests run as root, which reads a chmod-000 file anyway: the check on it
    // runs only when the file is really unreadable, and /proc/self/mem (which
    // no one can read from offset 0) stands for an unreadable file as root.
    let locked = dir.write("locked.txt", CLEAN);
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let root_reads = std::fs::read(&locked).is_ok();
    let out = run(
        dir.path(),
        &["extract", "--format", "json", "clean.txt", "locked.txt"],
    );
    assert_no_panic(&out);
    assert_clean_checked(&out);
    if !root_reads {
        assert!(
            stderr(&out).contains("locked.txt: cannot read"),
            "{}",
            stderr(&out)
        );
        assert_eq!(out.status.code(), Some(2));
    }
    let out = run(
        dir.path(),
        &["extract", "--format", "json", "clean.txt", "/proc/self/mem"],
    );
    assert_no_panic(&out);
    assert!(stderr(&out).contains("/proc/self/mem"), "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(2));
    assert_clean_checked(&out);
}

#[test]
fn dangling_symlink_and_symlink_loop() {
    let dir = TempDir::new("hostile");
    with_clean(&dir);
    std::os::unix::fs::symlink("nowhere.txt", dir.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink("loop-b.txt", dir.join("loop-a.txt")).unwrap();
    std::os::unix::fs::symlink("loop-a.txt", dir.join("loop-b.txt")).unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("sub/up")).unwrap();
    // Walking the folder: links are not followed, so nothing to fail on.
    let out = run(dir.path(), &["extract", "--format", "json", "."]);
    assert_no_panic(&out);
    assert_clean_checked(&out);
    // Named: each is an error naming it.
    let out = run(
        dir.path(),
        &[
            "extract",
            "--format",
            "json",
            "clean.txt",
            "dangling.txt",
            "loop-a.txt",
        ],
    );
    assert_no_panic(&out);
    assert_clean_checked(&out);
    let err = stderr(&out);
    assert!(
        err.contains("dangling.txt") && err.contains("loop-a.txt"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn folder_of_many_files() {
    let dir = TempDir::new("hostile");
    let n = size(5_000, 100_000);
    for i in 0..n {
        dir.write(
            &format!("a{i:06}.txt"),
            format!("Story {i}\n\nShe said: “Item {i}.”\n"),
        );
    }
    let out = run(dir.path(), &["extract", "--format", "json", "."]);
    assert_no_panic(&out);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["files"].as_array().unwrap().len(), n);
}

#[test]
fn file_name_that_is_not_utf8() {
    let dir = TempDir::new("hostile");
    with_clean(&dir);
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(
        dir.path().join(name),
        "Row\n\nHe said: \"We will not go.\"\n",
    )
    .unwrap();
    let out = run(dir.path(), &["extract", "--format", "json", "."]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["files"].as_array().unwrap().len(), 2, "{doc}");
    assert!(stdout(&out).contains("caf\u{fffd}.txt"), "shown lossily");
}

#[test]
fn rule_and_config_files_with_a_huge_line_or_a_pathological_pattern() {
    let dir = TempDir::new("hostile");
    with_clean(&dir);
    let mb = "x".repeat(1 << 20);
    std::fs::create_dir(dir.join("rules")).unwrap();
    dir.write(
        "rules/huge.toml",
        format!("kind = \"weasel\"\nmessage = \"{mb}\n"),
    );
    let out = run(dir.path(), &["--rules", "rules", "clean.txt"]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("huge.toml"),
        "{}",
        &stderr(&out)[..500.min(stderr(&out).len())]
    );
    // A config file with a 1 MB line that parses, and a glob built to
    // backtrack: globset compiles to a linear-time automaton.
    let glob = format!("{}b", "*a".repeat(2_000));
    dir.write(
        "quotecheck.toml",
        format!(
            "# {mb}\n[[suppress]]\npath = \"{glob}\"\nreason = \"test\"\n[[suppress]]\npath = \"{{{}}}\"\nreason = \"t\"\n",
            vec!["a"; 5_000].join(",")
        ),
    );
    dir.write(&format!("{}.txt", "a".repeat(200)), CLEAN);
    let out = run(dir.path(), &["--format", "short", "."]);
    assert_no_panic(&out);
}

/// One article naming many distinct people, each introduced in full with a role
/// and then called by surname: the people rules index the register by name,
/// so the cost does not grow with people × words. Only the one person whose
/// first reference lacks a given name is reported, and every quotation keeps
/// its speaker.
#[test]
fn many_distinct_people() {
    const GIVEN: [&str; 10] = [
        "Alan", "Brenda", "Colin", "Diane", "Edward", "Fiona", "Graham", "Helen", "Ian", "Julia",
    ];
    const SYLLABLES: [&str; 20] = [
        "Bar", "Cor", "Dal", "Fen", "Gar", "Hol", "Jas", "Kir", "Lom", "Mer", "Nor", "Pel", "Quin",
        "Ros", "Sal", "Tor", "Vel", "Wen", "Yar", "Zel",
    ];
    let people = size(400, 4000);
    let mut surnames = Vec::new();
    for a in SYLLABLES {
        for b in SYLLABLES {
            surnames.push(format!("{a}{}", b.to_lowercase()));
        }
    }
    if people > surnames.len() {
        surnames = surnames
            .iter()
            .flat_map(|s| {
                SYLLABLES
                    .iter()
                    .map(move |c| format!("{s}{}", c.to_lowercase()))
            })
            .collect();
    }
    let mut text = String::from("Council votes on plan\n\n");
    let mut names = Vec::new();
    for (i, surname) in surnames.iter().take(people).enumerate() {
        let name = format!("{} {surname}", GIVEN[i % GIVEN.len()]);
        text.push_str(&format!(
            "{name}, a local councillor, said: “We will appeal against the decision.”\n\n\
             {surname} said the vote had been rushed.\n\n"
        ));
        names.push(name);
    }
    let quelch = text.len();
    text.push_str(
        "Mr Quelch said: “The plan is a disgrace.”\n\n\
         Henry Quelch, who chairs the residents’ group, said he would fight on.\n\n",
    );
    let dir = TempDir::new("hostile");
    dir.write("people.txt", &text);

    let out = run(
        dir.path(),
        &["--format", "json", "--no-ledger", "people.txt"],
    );
    assert_no_panic(&out);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stderr(&out)));
    let first_refs: Vec<u64> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "first-reference-incomplete")
        .map(|f| f["start"].as_u64().expect("start"))
        .collect();
    assert_eq!(
        first_refs,
        [quelch as u64],
        "only “Mr Quelch” lacks a given name"
    );

    let out = run(dir.path(), &["extract", "--format", "json", "people.txt"]);
    assert_no_panic(&out);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stderr(&out)));
    let speakers: Vec<&str> = doc["files"][0]["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .filter(|q| q["kind"] == "direct")
        .map(|q| q["speaker"]["name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(speakers.len(), people + 1);
    for (name, speaker) in names.iter().zip(&speakers) {
        assert_eq!(name, speaker);
    }
}
