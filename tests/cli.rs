//! The `quotecheck` binary end to end: which files it reads, what it prints, how it
//! fails. Each test works in its own folder under the system temp dir and names
//! files relative to it, so paths in messages stay short (miette wraps long lines).

mod common;
use common::TempDir;
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs the binary in `dir` with `args`, feeding `stdin` if given.
fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = common::quotecheck(dir);
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run quotecheck");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin piped");
        pipe.write_all(input.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("wait for quotecheck")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Parses stdout as the JSON document of `extract --format json`.
fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            stderr(out)
        )
    })
}

/// The `files[]` entry whose path ends with file name `name`.
fn file<'a>(doc: &'a Value, name: &str) -> Option<&'a Value> {
    doc["files"]
        .as_array()
        .expect("files is an array")
        .iter()
        .find(|f| {
            let path = f["path"].as_str().expect("path is a string");
            Path::new(path).file_name().is_some_and(|n| n == name)
        })
}

fn quotes(file: &Value) -> &Vec<Value> {
    file["quotes"].as_array().expect("quotes is an array")
}

fn texts(file: &Value) -> Vec<&str> {
    quotes(file)
        .iter()
        .map(|q| q["text"].as_str().expect("text is a string"))
        .collect()
}

fn offset(v: &Value, what: &str) -> usize {
    v.as_u64()
        .unwrap_or_else(|| panic!("{what} is not an offset: {v}")) as usize
}

/// Checks the contract (`contract/extract-json.md`) for one file's entry against
/// the file's bytes: offsets slice the file to `text`, known kinds, speaker shape.
fn assert_contract(file: &Value, source: &[u8]) {
    assert!(file["path"].is_string(), "files[].path is a string: {file}");
    for q in quotes(file) {
        let (start, end) = (offset(&q["start"], "start"), offset(&q["end"], "end"));
        assert!(
            start <= end && end <= source.len(),
            "offsets out of range: {q}"
        );
        let slice = std::str::from_utf8(&source[start..end])
            .unwrap_or_else(|_| panic!("{start}..{end} is not on char boundaries: {q}"));
        assert_eq!(
            q["text"].as_str(),
            Some(slice),
            "text is not source[start..end]"
        );
        let kind = q["kind"].as_str().expect("kind is a string");
        assert!(
            ["direct", "partial", "scare", "indirect"].contains(&kind),
            "unknown kind {kind}"
        );
        let speaker = &q["speaker"];
        if !speaker.is_null() {
            assert!(speaker["name"].is_string(), "speaker.name: {speaker}");
            assert!(
                speaker["anonymous"].is_boolean(),
                "speaker.anonymous: {speaker}"
            );
            if let Some(mention) = speaker["mention"].as_str() {
                let s = offset(&speaker["start"], "speaker.start");
                let e = offset(&speaker["end"], "speaker.end");
                assert!(
                    s <= e && e <= source.len(),
                    "mention out of range: {speaker}"
                );
                assert_eq!(
                    std::str::from_utf8(&source[s..e]).ok(),
                    Some(mention),
                    "mention is not source[start..end]"
                );
            }
        }
        assert!(q["cue"].is_null() || q["cue"].is_string(), "cue: {q}");
    }
}

const CLEAN_TXT: &str = "Council backs plan\n\
    The leader of the council said: “We have listened to residents.”\n";

const CLEAN_MD: &str = "# Budget day\n\n\
    The chancellor said: “This is a budget for growth.”\n";

#[test]
fn unreadable_files_are_reported_and_the_others_still_extracted() {
    let dir = TempDir::new("cli");
    dir.write("clean.txt", CLEAN_TXT);
    dir.write("clean.md", CLEAN_MD);
    dir.write("bad.txt", b"ok \xff");
    dir.write("bin.txt", b"He said: \"x\0y\"\n");
    let out = run(dir.path(), &["extract", ".", "--format", "json"], None);

    assert_eq!(out.status.code(), Some(2), "stderr:\n{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("bad.txt"), "stderr names bad.txt:\n{err}");
    assert!(
        err.contains("offset 3"),
        "stderr gives the bad byte's offset:\n{err}"
    );
    assert!(err.contains("bin.txt"), "stderr names bin.txt:\n{err}");

    let doc = json(&out);
    assert_eq!(doc["version"], 1);
    let txt = file(&doc, "clean.txt").expect("clean.txt listed");
    assert_eq!(texts(txt), ["We have listened to residents."]);
    assert_contract(txt, CLEAN_TXT.as_bytes());
    let md = file(&doc, "clean.md").expect("clean.md listed");
    assert_eq!(texts(md), ["This is a budget for growth."]);
    assert_contract(md, CLEAN_MD.as_bytes());
    assert!(file(&doc, "bad.txt").is_none() && file(&doc, "bin.txt").is_none());
}

#[test]
fn folder_walk_skips_hidden_gitignored_and_non_article_files() {
    let dir = TempDir::new("cli");
    // The `ignore` crate honours .gitignore only inside a git repository.
    let git = Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir.path())
        .status();
    if !git.is_ok_and(|s| s.success()) {
        eprintln!("skipped: git not available");
        return;
    }
    let article = "She said: “Yes.”\n";
    dir.write(".gitignore", "skip.txt\n");
    for name in [
        "keep.txt",
        "keep.md",
        "keep.markdown",
        "sub/nested.txt",
        "skip.txt",
        ".hidden.txt",
        ".hiddendir/inside.txt",
        "notes.html",
        "data.json",
        "noext",
    ] {
        dir.write(name, article);
    }
    let out = run(dir.path(), &["extract", ".", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", stderr(&out));
    let doc = json(&out);
    let mut names: Vec<String> = doc["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            let p = f["path"].as_str().expect("path");
            Path::new(p)
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["keep.markdown", "keep.md", "keep.txt", "nested.txt"]
    );
}

#[test]
fn dash_reads_standard_input() {
    let dir = TempDir::new("cli");
    let out = run(
        dir.path(),
        &["extract", "-", "--format", "json"],
        Some("He said: “Go now.”\n"),
    );
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", stderr(&out));
    let doc = json(&out);
    let files = doc["files"].as_array().expect("files");
    assert_eq!(files.len(), 1);
    assert_eq!(texts(&files[0]), ["Go now."]);
    assert_contract(&files[0], "He said: “Go now.”\n".as_bytes());
}

#[test]
fn json_offsets_are_file_bytes_after_multibyte_characters() {
    let dir = TempDir::new("cli");
    let source = "Zola’s letter\n\
        Émile Zola said: “J’accuse.” The café owner, Zoë Ångström, added: \
        \"Vérité is on the march — and nothing will stop it.\"\n\
        Critics called the letter a “stunt”.\n";
    dir.write("zola.txt", source);
    let out = run(
        dir.path(),
        &["extract", "zola.txt", "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", stderr(&out));
    let doc = json(&out);
    assert_eq!(doc["version"], 1);
    let f = file(&doc, "zola.txt").expect("zola.txt listed");
    assert_eq!(f["path"], "zola.txt", "path as named on the command line");
    assert_contract(f, source.as_bytes());
    let t = texts(f);
    assert!(t.contains(&"J’accuse."), "curly quotation found: {t:?}");
    assert!(
        t.contains(&"Vérité is on the march — and nothing will stop it."),
        "straight quotation found: {t:?}"
    );
}

#[test]
fn markdown_front_matter_is_not_a_quotation_and_offsets_index_the_file() {
    let dir = TempDir::new("cli");
    let source = "---\n\
        title: \"Not a quote\"\n\
        date: 2024-01-05\n\
        ---\n\
        # Ministers meet\n\
        \n\
        The minister said: “We will *never* abandon [the plan](https://example.org/plan) \
        for Ærø.”\n\
        \n\
        Her deputy added: \"It is *final*.\"\n";
    dir.write("story.md", source);
    let out = run(
        dir.path(),
        &["extract", "story.md", "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", stderr(&out));
    let doc = json(&out);
    let f = file(&doc, "story.md").expect("story.md listed");
    assert_contract(f, source.as_bytes());
    let t = texts(f);
    assert!(
        t.iter().all(|q| !q.contains("Not a quote")),
        "front matter title taken as a quotation: {t:?}"
    );
    assert!(
        t.iter()
            .any(|q| q.starts_with("We will") && q.ends_with("for Ærø.")),
        "quotation with emphasis and link found: {t:?}"
    );
    assert!(
        t.iter().any(|q| q.starts_with("It is")),
        "straight quotation found: {t:?}"
    );
}

#[test]
fn crlf_and_bom_keep_offsets_exact() {
    let dir = TempDir::new("cli");
    let txt = "\u{feff}Mayor’s verdict\r\n\
        The mayor said: “Fine by me.”\r\n\
        \r\n\
        Later she added: \"Très bien, vraiment.\"\r\n";
    let md = "\u{feff}---\r\n\
        title: \"Not a quote\"\r\n\
        ---\r\n\
        # Verdict\r\n\
        \r\n\
        The mayor said: “A *fine* day for [Zürich](https://example.org).”\r\n";
    dir.write("crlf.txt", txt);
    dir.write("crlf.md", md);
    let out = run(
        dir.path(),
        &["extract", "crlf.txt", "crlf.md", "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", stderr(&out));
    let doc = json(&out);

    let f = file(&doc, "crlf.txt").expect("crlf.txt listed");
    assert_contract(f, txt.as_bytes());
    let t = texts(f);
    assert!(t.contains(&"Fine by me."), "{t:?}");
    assert!(t.contains(&"Très bien, vraiment."), "{t:?}");

    let f = file(&doc, "crlf.md").expect("crlf.md listed");
    assert_contract(f, md.as_bytes());
    let t = texts(f);
    assert!(t.iter().all(|q| !q.contains("Not a quote")), "{t:?}");
    assert!(
        t.contains(&"A *fine* day for [Zürich](https://example.org)."),
        "{t:?}"
    );
}

#[test]
fn missing_path_exits_2_and_names_it() {
    let dir = TempDir::new("cli");
    dir.write("here.txt", CLEAN_TXT);
    let out = run(
        dir.path(),
        &["extract", "here.txt", "gone.txt", "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("gone.txt"), "stderr names the path:\n{err}");
    let doc = json(&out);
    assert!(
        file(&doc, "here.txt").is_some(),
        "the readable file is still listed"
    );
}

#[test]
fn no_arguments_exits_2_with_a_message() {
    let dir = TempDir::new("cli");
    for args in [&[][..], &["extract"][..]] {
        let out = run(dir.path(), args, None);
        assert_eq!(out.status.code(), Some(2), "args {args:?}");
        assert!(out.stdout.is_empty(), "args {args:?}: nothing on stdout");
        assert!(
            !stderr(&out).trim().is_empty(),
            "args {args:?}: a message on stderr"
        );
    }
}

#[test]
fn bare_paths_run_the_check() {
    let dir = TempDir::new("cli");
    dir.write("clean.txt", CLEAN_TXT);
    let bare = run(dir.path(), &["clean.txt"], None);
    let check = run(dir.path(), &["check", "clean.txt"], None);
    assert_eq!(bare.status.code(), Some(0), "stderr:\n{}", stderr(&bare));
    assert_eq!(bare.stdout, check.stdout);
    let text = String::from_utf8(bare.stdout).expect("UTF-8 stdout");
    assert!(text.ends_with("0 errors, 0 warnings, 0 infos\n"), "{text}");
}

#[test]
fn a_preset_switches_on_its_optional_rules_and_a_typo_is_an_error() {
    let dir = TempDir::new("cli");
    dir.write(
        "comma.txt",
        "Party row\n\nThe leader spoke to members at a packed meeting in the town hall on Thursday night.\nLansman said, “We have got to win the election in London for the party.”\n",
    );
    let rules_of = |args: &[&str]| -> Vec<String> {
        let out = run(dir.path(), args, None);
        json(&out)["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| f["rule"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let plain = rules_of(&["comma.txt", "--format", "json"]);
    assert!(
        !plain.iter().any(|r| r == "quote-introduction-punctuation"),
        "{plain:?}"
    );
    let reuters = rules_of(&["comma.txt", "--format", "json", "--preset", "reuters"]);
    assert!(
        reuters
            .iter()
            .any(|r| r == "quote-introduction-punctuation"),
        "{reuters:?}"
    );

    let typo = run(dir.path(), &["comma.txt", "--preset", "reuter"], None);
    assert_eq!(typo.status.code(), Some(2));
    assert!(
        stderr(&typo).contains("unknown house-style preset `reuter`"),
        "{}",
        stderr(&typo)
    );
    assert!(stderr(&typo).contains("reuters"), "{}", stderr(&typo));
}
