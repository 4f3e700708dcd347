//! The archive ledger: an SQLite database (default `.quotecheck/ledger.sqlite`)
//! holding each article's extraction keyed by path and content hash, so that an
//! unchanged article is never parsed again, and the archive articles a run's
//! cross-article rules compare against are found through an index instead of by
//! reading the whole archive.
//!
//! A run (1) reads the ledger's list of articles, (2) walks the archive folders
//! and looks at each file's size and modification time: a file whose size and
//! time match its row is taken as unchanged without being read; a changed one is
//! read, hashed (SHA-256) and, when its bytes changed, extracted again; rows of
//! files no longer there are dropped; (3) reads the checked files, reusing the
//! stored extraction of any whose hash matches; (4) looks up, in the `terms`
//! index, the archive articles that share a quotation shingle (three folded words)
//! or a name word with a checked file, and loads only those for the cross-article
//! rules. All writes of a run go in one transaction at the end (WAL journal, busy
//! timeout): a run killed half-way leaves the ledger as it was, and two runs at
//! once wait for each other. Nothing is written anywhere but the ledger's folder.
//!
//! Tables (documented for readers in README.md): `articles`, `quotations`,
//! `people`, `mentions`, `findings`, and the lookup index `terms`.

use crate::error::Error;
use crate::finding::Finding;
use crate::input::{self, Origin, Target};
use crate::ledger::{name_words, quote_words, speaker_key};
use crate::model::{Article, QuoteKind, Zone};
use crate::span::LineIndex;
use crate::{Extracted, extract};
use miette::Diagnostic;
use rayon::prelude::*;
use rusqlite::{Connection, OptionalExtension, params};
use rustc_hash::{FxHashMap, FxHashSet};
use sha2::{Digest, Sha256};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;
use thiserror::Error as ThisError;

/// Bumped whenever the tables or the stored extraction change shape.
pub const SCHEMA_VERSION: i64 = 1;
/// `PRAGMA application_id` of a quotecheck ledger ("QCKL").
pub const APPLICATION_ID: i64 = 0x5143_4B4C;
/// The ledger's file under the project folder when none is configured.
pub const DEFAULT_PATH: &str = ".quotecheck/ledger.sqlite";
/// A quotation shingle found in more archive articles than this is too common
/// to find candidates by ("I think we").
const SHINGLE_CAP: usize = 48;
/// A person's name or surname is looked up in at most this many archive
/// articles (the latest indexed): enough for the name rules to see how the
/// archive writes it, without loading every article on a prime minister.
const NAME_LIMIT: usize = 24;
/// How long a run waits for another run's transaction.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// A ledger that cannot be used.
#[derive(Debug, ThisError, Diagnostic)]
pub enum LedgerError {
    #[error("{path}: not a quotecheck ledger ({reason})")]
    #[diagnostic(
        code(quotecheck::ledger::foreign),
        help(
            "the file is damaged or belongs to something else; `quotecheck ledger rebuild` replaces it with a new ledger (the archive is indexed again on the next run), or set `ledger = \"...\"` in quotecheck.toml to use another path"
        )
    )]
    NotALedger { path: String, reason: String },

    #[error("{path}: ledger schema version {found}, this quotecheck reads version {want}")]
    #[diagnostic(
        code(quotecheck::ledger::schema),
        help(
            "the ledger was written by another version of quotecheck; `quotecheck ledger rebuild` builds a new one"
        )
    )]
    SchemaVersion { path: String, found: i64, want: i64 },

    #[error("{path}: {message}")]
    #[diagnostic(code(quotecheck::ledger::io))]
    Io { path: String, message: String },
}

/// What a run did with the ledger (printed by `--verbose`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Archive articles in the ledger after the run.
    pub archive: usize,
    /// Articles (archive or checked) extracted in this run.
    pub parsed: usize,
    /// Articles whose stored extraction was used (or that were not read at all).
    pub reused: usize,
    /// Rows dropped because their file is gone.
    pub removed: usize,
    /// Archive articles loaded for the cross-article rules.
    pub compared: usize,
}

impl std::fmt::Display for Stats {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(
            f,
            "{} archive articles; {} parsed, {} reused, {} removed; {} compared with the checked files",
            self.archive, self.parsed, self.reused, self.removed, self.compared
        )
    }
}

/// An open ledger.
pub struct LedgerDb {
    conn: Connection,
    shown: String,
    /// Paths are stored relative to this folder (the project's).
    base: PathBuf,
    cwd: PathBuf,
}

/// One row of `articles`, as the run needs it.
#[derive(Debug, Clone)]
struct Row {
    id: i64,
    hash: String,
    size: i64,
    mtime: i64,
}

/// An article to write.
struct Pending {
    key: String,
    hash: String,
    size: i64,
    mtime: i64,
    file: Extracted,
}

/// A run against the ledger: the checked files, the archive articles to compare
/// them with, the errors met, and the writes to commit with `finish`.
pub struct Run {
    pub files: Vec<Extracted>,
    pub archive: Vec<Extracted>,
    pub errors: Vec<Error>,
    pub stats: Stats,
    pending: Vec<Pending>,
    touched: Vec<(i64, i64, i64)>,
    removed: Vec<i64>,
    /// Key of each checked file that is stored (under an archive folder).
    checked_keys: Vec<Option<String>>,
}

fn sql_err(shown: &str) -> impl Fn(rusqlite::Error) -> LedgerError + '_ {
    move |e| {
        let message = e.to_string();
        if let rusqlite::Error::SqliteFailure(f, _) = &e
            && matches!(
                f.code,
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
            )
        {
            return LedgerError::NotALedger {
                path: shown.to_string(),
                reason: message,
            };
        }
        LedgerError::Io {
            path: shown.to_string(),
            message,
        }
    }
}

const SCHEMA: &str = "
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    date TEXT,
    quotations INTEGER NOT NULL,
    anonymous INTEGER NOT NULL,
    indexed_at INTEGER NOT NULL,
    extraction TEXT NOT NULL
);
-- What a run reads of every article, without the rows' big extraction.
CREATE INDEX articles_stat ON articles (path, hash, size, mtime_ns);
CREATE TABLE quotations (
    article_id INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    line INTEGER NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte INTEGER NOT NULL,
    kind TEXT NOT NULL,
    zone TEXT NOT NULL,
    depth INTEGER NOT NULL,
    speaker TEXT,
    speaker_key TEXT,
    anonymous INTEGER NOT NULL,
    entity TEXT,
    found_by TEXT,
    cue TEXT,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX quotations_speaker ON quotations (speaker_key);
CREATE TABLE people (
    article_id INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    gender TEXT NOT NULL,
    roles TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX people_name ON people (name);
CREATE TABLE mentions (
    article_id INTEGER NOT NULL,
    person_idx INTEGER NOT NULL,
    line INTEGER NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte INTEGER NOT NULL,
    form TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE TABLE findings (
    article_id INTEGER NOT NULL,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    line INTEGER NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte INTEGER NOT NULL,
    message TEXT NOT NULL,
    suppressed TEXT
);
CREATE INDEX findings_article ON findings (article_id);
CREATE TABLE terms (
    term INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (term, article_id)
) WITHOUT ROWID;
CREATE INDEX terms_article ON terms (article_id);
";

/// `a/./b/../c` -> `a/c`, without touching the file system.
fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            c => out.push(c.as_os_str()),
        }
    }
    out
}

impl LedgerDb {
    /// Open (creating it when missing) the ledger at `path`; paths of articles
    /// are stored relative to `base`.
    pub fn open(path: &Path, base: &Path) -> Result<LedgerDb, LedgerError> {
        let shown = path.display().to_string();
        let io = |message: String| LedgerError::Io {
            path: shown.clone(),
            message,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.exists()
        {
            std::fs::create_dir_all(dir)
                .map_err(|e| io(format!("cannot create the ledger's folder: {e}")))?;
            if dir.file_name().is_some_and(|n| n == ".quotecheck") {
                // Keep the ledger out of the newsroom's commits.
                let _ = std::fs::write(dir.join(".gitignore"), "*\n");
            }
        }
        if path.is_dir() {
            return Err(LedgerError::NotALedger {
                path: shown,
                reason: "it is a folder".into(),
            });
        }
        let conn = Connection::open(path).map_err(sql_err(&shown))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sql_err(&shown))?;
        let cwd = std::env::current_dir().unwrap_or_default();
        let db = LedgerDb {
            conn,
            shown: shown.clone(),
            base: normalise(&cwd.join(base)),
            cwd,
        };
        db.check_or_create()?;
        Ok(db)
    }

    fn check_or_create(&self) -> Result<(), LedgerError> {
        let e = sql_err(&self.shown);
        let c = &self.conn;
        // One statement, so one snapshot: another run creating the ledger at
        // this moment is seen either not at all or whole.
        let (app, tables): (i64, i64) = c
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id()), \
                        (SELECT count(*) FROM sqlite_master)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(&e)?;
        if tables == 0 && app == 0 {
            self.ensure_wal()?;
            // BEGIN IMMEDIATE: two first runs at once create the tables once.
            c.execute_batch("BEGIN IMMEDIATE").map_err(&e)?;
            let again: i64 = c
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(&e)?;
            if again == 0 {
                c.execute_batch(SCHEMA).map_err(&e)?;
                c.execute_batch(&format!(
                    "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {SCHEMA_VERSION};"
                ))
                .map_err(&e)?;
            }
            c.execute_batch("COMMIT").map_err(&e)?;
            return self.check_or_create_done();
        }
        if app != APPLICATION_ID {
            return Err(LedgerError::NotALedger {
                path: self.shown.clone(),
                reason: if app == 0 {
                    "an SQLite database of something else".into()
                } else {
                    format!("an SQLite database with application id {app:#x}")
                },
            });
        }
        self.check_or_create_done()
    }

    fn check_or_create_done(&self) -> Result<(), LedgerError> {
        let e = sql_err(&self.shown);
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(&e)?;
        if version != SCHEMA_VERSION {
            return Err(LedgerError::SchemaVersion {
                path: self.shown.clone(),
                found: version,
                want: SCHEMA_VERSION,
            });
        }
        // No `PRAGMA quick_check` here: it reads the whole file (seconds on a
        // large archive). A damaged page is reported when a query meets it
        // (SQLITE_CORRUPT, as `NotALedger`), before anything is written.
        self.ensure_wal()
    }

    /// Switch the file to WAL once. The switch needs the file to itself, and
    /// SQLite answers "locked" at once rather than waiting when another run
    /// holds it (two hooks started together on a new ledger), so it is retried
    /// within the busy timeout; a file already in WAL mode is left alone.
    fn ensure_wal(&self) -> Result<(), LedgerError> {
        let e = sql_err(&self.shown);
        let started = std::time::Instant::now();
        loop {
            let mode: String = self
                .conn
                .query_row("PRAGMA journal_mode", [], |r| r.get(0))
                .map_err(&e)?;
            if mode.eq_ignore_ascii_case("wal") {
                return Ok(());
            }
            match self
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
            {
                Ok(_) => return Ok(()),
                Err(rusqlite::Error::SqliteFailure(f, _))
                    if matches!(
                        f.code,
                        rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                    ) && started.elapsed() < BUSY_TIMEOUT =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(err) => return Err(e(err)),
            }
        }
    }

    /// Replace the file at `path` (whatever it holds) with an empty ledger.
    pub fn rebuild(path: &Path, base: &Path) -> Result<LedgerDb, LedgerError> {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            let p = PathBuf::from(p);
            if p.is_file() {
                std::fs::remove_file(&p).map_err(|e| LedgerError::Io {
                    path: p.display().to_string(),
                    message: format!("cannot remove: {e}"),
                })?;
            }
        }
        LedgerDb::open(path, base)
    }

    /// The stored key of a path: relative to the base folder, `/`-separated.
    fn key_of(&self, p: &Path) -> String {
        key_in(&self.cwd, &self.base, p)
    }

    /// A stored key as a path to open and to show.
    fn path_of(&self, key: &str) -> (PathBuf, String) {
        let abs = self.base.join(key);
        let shown = abs
            .strip_prefix(&self.cwd)
            .map_or_else(|_| abs.clone(), Path::to_path_buf);
        (abs, shown.to_string_lossy().into_owned())
    }

    fn rows(&self) -> Result<FxHashMap<String, Row>, LedgerError> {
        let e = sql_err(&self.shown);
        let mut st = self
            .conn
            .prepare("SELECT id, path, hash, size, mtime_ns FROM articles")
            .map_err(&e)?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(1)?,
                    Row {
                        id: r.get(0)?,
                        hash: r.get(2)?,
                        size: r.get(3)?,
                        mtime: r.get(4)?,
                    },
                ))
            })
            .map_err(&e)?;
        rows.collect::<Result<_, _>>().map_err(&e)
    }

    fn load_article(&self, id: i64) -> Result<Option<Article>, LedgerError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT extraction FROM articles WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sql_err(&self.shown))?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }

    /// Prepare a run: bring the archive folders `roots` up to date in memory,
    /// read the checked `targets`, and find the archive articles to compare with.
    pub fn prepare(&self, targets: &[Target], roots: &[PathBuf]) -> Result<Run, LedgerError> {
        // Every read of the run from one snapshot: another run may commit in
        // between and store an article again under a new id, and ids read before
        // its commit would then match nothing read after it.
        self.conn
            .execute_batch("BEGIN")
            .map_err(sql_err(&self.shown))?;
        let run = self.prepare_in_snapshot(targets, roots);
        let end = if run.is_ok() { "COMMIT" } else { "ROLLBACK" };
        let ended = self.conn.execute_batch(end).map_err(sql_err(&self.shown));
        let run = run?;
        ended?;
        Ok(run)
    }

    fn prepare_in_snapshot(
        &self,
        targets: &[Target],
        roots: &[PathBuf],
    ) -> Result<Run, LedgerError> {
        let rows = self.rows()?;
        let mut stats = Stats::default();
        let root_keys: Vec<String> = roots.iter().map(|r| self.key_of(r)).collect();
        let under_roots = |key: &str| {
            root_keys.iter().any(|r| {
                r.is_empty()
                    || key == r
                    || key
                        .strip_prefix(r.as_str())
                        .is_some_and(|k| k.starts_with('/'))
            })
        };
        let (walked, mut errors) = input::targets(roots);
        // The archive, by stat; changed files read and extracted.
        enum Seen {
            Same(i64),
            Touched(i64, i64, i64),
            New(Box<Pending>),
        }
        let (cwd, base) = (&self.cwd, &self.base);
        let seen: Vec<(String, Result<Seen, Error>)> = walked
            .par_iter()
            .filter_map(|t| {
                let Origin::File(p) = &t.origin else {
                    return None;
                };
                let key = key_in(cwd, base, p);
                let stat = std::fs::metadata(p)
                    .ok()
                    .map(|m| (m.len() as i64, mtime_ns(&m)));
                let row = rows.get(&key);
                if let (Some(row), Some((size, mtime))) = (row, stat)
                    && row.size == size
                    && row.mtime == mtime
                {
                    return Some((key, Ok(Seen::Same(row.id))));
                }
                let result = read_target(t).map(|(file, hash)| {
                    let (size, mtime) = stat.unwrap_or((file.source.len() as i64, 0));
                    match row {
                        Some(row) if row.hash == hash => Seen::Touched(row.id, size, mtime),
                        _ => Seen::New(Box::new(Pending {
                            key: key.clone(),
                            hash,
                            size,
                            mtime,
                            file: extract_file(t, file),
                        })),
                    }
                });
                Some((key, result))
            })
            .collect();
        let mut present: FxHashMap<String, Option<i64>> = FxHashMap::default();
        let mut pending: Vec<Pending> = Vec::new();
        let mut touched = Vec::new();
        for (key, r) in seen {
            match r {
                Ok(Seen::Same(id)) => {
                    stats.reused += 1;
                    present.insert(key, Some(id));
                }
                Ok(Seen::Touched(id, size, mtime)) => {
                    stats.reused += 1;
                    touched.push((id, size, mtime));
                    present.insert(key, Some(id));
                }
                Ok(Seen::New(p)) => {
                    stats.parsed += 1;
                    present.insert(key, None);
                    pending.push(*p);
                }
                Err(e) => errors.push(e),
            }
        }
        let removed: Vec<i64> = rows
            .iter()
            .filter(|(k, _)| under_roots(k) && !present.contains_key(*k))
            .map(|(_, r)| r.id)
            .collect();
        stats.removed = removed.len();
        stats.archive = present.len();

        // The checked files: stored extraction reused when the bytes match.
        let mut files = Vec::new();
        let mut checked_keys = Vec::new();
        let pending_at: FxHashMap<String, usize> = pending
            .iter()
            .enumerate()
            .map(|(i, p)| (p.key.clone(), i))
            .collect();
        for t in targets {
            let key = match &t.origin {
                Origin::File(p) => Some(self.key_of(p)),
                Origin::Stdin => None,
            };
            let (mut file, hash) = match read_target(t) {
                Ok(x) => x,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            let stored = key.as_deref().filter(|k| under_roots(k));
            if let Some(&i) = key.as_ref().and_then(|k| pending_at.get(k))
                && pending[i].hash == hash
            {
                file.article = pending[i].file.article.clone();
            } else if let Some(row) = key.as_ref().and_then(|k| rows.get(k))
                && row.hash == hash
                && let Some(a) = self.load_article(row.id)?
            {
                stats.reused += usize::from(stored.is_none());
                file.article = a;
            } else {
                file = extract_file(t, file);
                stats.parsed += 1;
                if let Some(k) = stored {
                    // Changed since the walk (or never walked): store this reading.
                    pending.retain(|p| p.key != k);
                    let (size, mtime) = std::fs::metadata(match &t.origin {
                        Origin::File(p) => p.as_path(),
                        Origin::Stdin => Path::new(""),
                    })
                    .map(|m| (m.len() as i64, mtime_ns(&m)))
                    .unwrap_or((file.source.len() as i64, 0));
                    pending.push(Pending {
                        key: k.to_string(),
                        hash: hash.clone(),
                        size,
                        mtime,
                        file: file.clone(),
                    });
                }
            }
            checked_keys.push(stored.map(str::to_string));
            files.push(file);
        }

        // The archive articles that share a term with a checked file.
        let checked_key_set: FxHashSet<String> = targets
            .iter()
            .filter_map(|t| match &t.origin {
                Origin::File(p) => Some(self.key_of(p)),
                Origin::Stdin => None,
            })
            .collect();
        let mut wanted: FxHashSet<i64> = FxHashSet::default();
        let mut wanted_pending: FxHashSet<usize> = FxHashSet::default();
        let mut pending_terms: FxHashMap<i64, Vec<usize>> = FxHashMap::default();
        for (i, p) in pending.iter().enumerate() {
            for (t, _) in terms_of(&p.file) {
                pending_terms.entry(t).or_default().push(i);
            }
        }
        let live: FxHashSet<i64> = present.values().flatten().copied().collect();
        {
            let e = sql_err(&self.shown);
            let mut st = self
                .conn
                .prepare_cached(
                    "SELECT article_id FROM terms WHERE term = ?1 ORDER BY article_id DESC LIMIT ?2",
                )
                .map_err(&e)?;
            let mut asked: FxHashSet<i64> = FxHashSet::default();
            for f in &files {
                for (term, shingle) in terms_of(f) {
                    if !asked.insert(term) {
                        continue;
                    }
                    let cap = if shingle { SHINGLE_CAP } else { NAME_LIMIT };
                    let ids: Vec<i64> = st
                        .query_map(params![term, (cap + 1) as i64], |r| r.get(0))
                        .map_err(&e)?
                        .collect::<Result<_, _>>()
                        .map_err(&e)?;
                    let extra = pending_terms.get(&term).map_or(&[][..], Vec::as_slice);
                    if shingle && ids.len() + extra.len() > cap {
                        continue;
                    }
                    // Names: the latest articles first (pending ones are the newest).
                    let extra = &extra[extra.len().saturating_sub(cap)..];
                    let room = cap.saturating_sub(extra.len());
                    wanted.extend(ids.into_iter().filter(|id| live.contains(id)).take(room));
                    wanted_pending.extend(extra.iter().copied());
                }
            }
        }
        let id_key: FxHashMap<i64, &str> = present
            .iter()
            .filter_map(|(k, id)| id.map(|id| (id, k.as_str())))
            .collect();
        let id_hash: FxHashMap<i64, &String> = rows.values().map(|r| (r.id, &r.hash)).collect();
        let mut wanted: Vec<i64> = wanted.into_iter().collect();
        wanted.sort_unstable();
        let mut archive = Vec::new();
        let pending_keys: FxHashSet<&str> = pending.iter().map(|p| p.key.as_str()).collect();
        for id in wanted {
            let Some(&key) = id_key.get(&id) else {
                continue;
            };
            if checked_key_set.contains(key) || pending_keys.contains(key) {
                continue;
            }
            let (abs, shown) = self.path_of(key);
            let Some(article) = self.load_article(id)? else {
                continue;
            };
            let Ok(source) = std::fs::read(&abs)
                .map_err(|_| ())
                .and_then(|b| input::decode(&shown, b).map_err(|_| ()))
            else {
                continue;
            };
            if id_hash.get(&id).is_none_or(|h| **h != hash_of(&source)) {
                continue;
            }
            archive.push(Extracted {
                path: shown,
                source,
                article,
            });
        }
        let mut wanted_pending: Vec<usize> = wanted_pending.into_iter().collect();
        wanted_pending.sort_unstable();
        for i in wanted_pending {
            let p = &pending[i];
            if checked_key_set.contains(&p.key) {
                continue;
            }
            archive.push(p.file.clone());
        }
        stats.compared = archive.len();
        Ok(Run {
            files,
            archive,
            errors,
            stats,
            pending,
            touched,
            removed,
            checked_keys,
        })
    }

    /// Write a run's changes and the checked files' findings, in one transaction.
    pub fn finish(&mut self, run: &Run, findings: &[Finding]) -> Result<(), LedgerError> {
        let shown = self.shown.clone();
        let e = sql_err(&shown);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(&e)?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        {
            let mut drop_children = Vec::new();
            for table in ["quotations", "people", "mentions", "findings", "terms"] {
                drop_children.push(
                    tx.prepare(&format!("DELETE FROM {table} WHERE article_id = ?1"))
                        .map_err(&e)?,
                );
            }
            let mut del = tx
                .prepare("DELETE FROM articles WHERE id = ?1")
                .map_err(&e)?;
            let mut remove = |id: i64| -> Result<(), LedgerError> {
                for st in &mut drop_children {
                    st.execute([id]).map_err(&e)?;
                }
                del.execute([id]).map_err(&e)?;
                Ok(())
            };
            for &id in &run.removed {
                remove(id)?;
            }
            let mut find = tx
                .prepare("SELECT id FROM articles WHERE path = ?1")
                .map_err(&e)?;
            let mut ins = tx
                .prepare(
                    "INSERT INTO articles (path, hash, size, mtime_ns, date, quotations, anonymous, indexed_at, extraction) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(&e)?;
            let mut q = tx.prepare("INSERT INTO quotations VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)").map_err(&e)?;
            let mut pe = tx
                .prepare("INSERT INTO people VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .map_err(&e)?;
            let mut me = tx
                .prepare("INSERT INTO mentions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .map_err(&e)?;
            let mut te = tx
                .prepare("INSERT OR IGNORE INTO terms VALUES (?1, ?2)")
                .map_err(&e)?;
            for p in &run.pending {
                let old: Option<i64> = find
                    .query_row([&p.key], |r| r.get(0))
                    .optional()
                    .map_err(&e)?;
                if let Some(id) = old {
                    remove(id)?;
                }
                let a = &p.file.article;
                let src = &p.file.source;
                let lines = LineIndex::new(src);
                let json = serde_json::to_string(a).map_err(|x| LedgerError::Io {
                    path: shown.clone(),
                    message: x.to_string(),
                })?;
                let anonymous = a
                    .quotes
                    .iter()
                    .filter(|q| q.speaker.as_ref().is_some_and(|s| s.anonymous))
                    .count();
                ins.execute(params![
                    p.key,
                    p.hash,
                    p.size,
                    p.mtime,
                    a.date,
                    a.quotes.len() as i64,
                    anonymous as i64,
                    now,
                    json
                ])
                .map_err(&e)?;
                let id = tx.last_insert_rowid();
                for (i, qu) in a.quotes.iter().enumerate() {
                    let sp = qu.speaker.as_ref();
                    q.execute(params![
                        id,
                        i as i64,
                        lines.line(qu.span.start) as i64,
                        qu.span.start as i64,
                        qu.span.end as i64,
                        qu.kind.as_str(),
                        qu.zone.as_str(),
                        qu.depth as i64,
                        sp.map(|s| s.name.as_str()),
                        sp.map(|s| speaker_key(&s.name)),
                        sp.is_some_and(|s| s.anonymous),
                        sp.map(|s| entity_str(s.entity)),
                        sp.map(|s| s.source.as_str()),
                        qu.cue.as_ref().map(|c| c.text.as_str()),
                        qu.span.slice(src),
                    ])
                    .map_err(&e)?;
                }
                for (i, person) in a.people.iter().enumerate() {
                    let roles: Vec<&str> = person.roles.iter().map(|r| r.text.as_str()).collect();
                    pe.execute(params![
                        id,
                        i as i64,
                        person.name,
                        gender_str(person.gender),
                        roles.join("; "),
                        person.mentions.len() as i64
                    ])
                    .map_err(&e)?;
                    for m in &person.mentions {
                        me.execute(params![
                            id,
                            i as i64,
                            lines.line(m.span.start) as i64,
                            m.span.start as i64,
                            m.span.end as i64,
                            form_str(m.form),
                            m.span.slice(src)
                        ])
                        .map_err(&e)?;
                    }
                }
                for (t, _) in terms_of(&p.file) {
                    te.execute(params![t, id]).map_err(&e)?;
                }
            }
            let mut touch = tx
                .prepare("UPDATE articles SET size = ?2, mtime_ns = ?3 WHERE id = ?1")
                .map_err(&e)?;
            for &(id, size, mtime) in &run.touched {
                touch.execute(params![id, size, mtime]).map_err(&e)?;
            }
            // Findings of the stored checked files, as of this run.
            let mut fi = tx
                .prepare("INSERT INTO findings VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .map_err(&e)?;
            let mut clear = tx
                .prepare("DELETE FROM findings WHERE article_id = ?1")
                .map_err(&e)?;
            for (f, key) in run.files.iter().zip(&run.checked_keys) {
                let Some(key) = key else { continue };
                let Some(id) = find
                    .query_row([key], |r| r.get::<_, i64>(0))
                    .optional()
                    .map_err(&e)?
                else {
                    continue;
                };
                clear.execute([id]).map_err(&e)?;
                let lines = LineIndex::new(&f.source);
                for x in findings.iter().filter(|x| x.path == f.path) {
                    fi.execute(params![
                        id,
                        x.rule,
                        x.severity.as_str(),
                        lines.line(x.span.start) as i64,
                        x.span.start as i64,
                        x.span.end as i64,
                        x.message,
                        x.suppressed
                    ])
                    .map_err(&e)?;
                }
            }
        }
        tx.commit().map_err(&e)?;
        Ok(())
    }
}

fn key_in(cwd: &Path, base: &Path, p: &Path) -> String {
    let abs = normalise(&cwd.join(p));
    let rel = abs.strip_prefix(base).unwrap_or(&abs);
    rel.to_string_lossy().replace('\\', "/")
}

fn mtime_ns(m: &std::fs::Metadata) -> i64 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i64)
}

/// SHA-256 of the text, in hex.
pub fn hash_of(source: &str) -> String {
    let d = Sha256::digest(source.as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// Read a target (not yet extracted): the file with an empty article, and its hash.
fn read_target(t: &Target) -> Result<(Extracted, String), Error> {
    let source = input::read(t)?;
    let hash = hash_of(&source);
    Ok((
        Extracted {
            path: t.display.clone(),
            source,
            article: Article::default(),
        },
        hash,
    ))
}

fn extract_file(t: &Target, f: Extracted) -> Extracted {
    let doc = crate::document::Document::new(f.source, t.format);
    let article = extract::extract(&doc);
    Extracted {
        path: f.path,
        source: doc.source,
        article,
    }
}

/// A stable 64-bit hash (FNV-1a) of a tagged string, as an SQLite integer.
fn term(tag: u8, parts: &[&str]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(tag);
    for p in parts {
        for b in p.bytes() {
            eat(b);
        }
        eat(0);
    }
    h as i64
}

/// The lookup terms of an article, each marked `true` for a shingle: the 3-word
/// shingles of its linkable quotations (as the cross-article ledger links them),
/// then its people's full names and surnames and its speakers' keys, folded.
fn terms_of(f: &Extracted) -> Vec<(i64, bool)> {
    let mut out = Vec::new();
    for q in &f.article.quotes {
        if q.depth > 0
            || q.zone == Zone::Boilerplate
            || !matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial)
        {
            continue;
        }
        let words = quote_words(&f.source, q.span);
        for w in words.windows(3) {
            if w.iter().all(|x| !x.is_gap()) {
                out.push((term(b'q', &[&w[0].text, &w[1].text, &w[2].text]), true));
            }
        }
        if let Some(s) = &q.speaker {
            let k = speaker_key(&s.name);
            if !k.is_empty() && !s.anonymous {
                out.push((term(b's', &[&k]), false));
            }
        }
    }
    for p in &f.article.people {
        let words = name_words(&p.name);
        if words.len() < 2 {
            continue;
        }
        let parts: Vec<&str> = words.iter().flat_map(|w| w.split('-')).collect();
        out.push((term(b'p', &[&parts.concat()]), false));
        if let Some(last) = parts.last() {
            out.push((term(b's', &[last]), false));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn entity_str(e: crate::model::EntityKind) -> &'static str {
    use crate::model::EntityKind::*;
    match e {
        Person => "person",
        Organisation => "organisation",
        Document => "document",
        Group => "group",
    }
}

fn gender_str(g: crate::model::Gender) -> &'static str {
    use crate::model::Gender::*;
    match g {
        Male => "male",
        Female => "female",
        Unknown => "unknown",
    }
}

fn form_str(f: crate::model::MentionForm) -> &'static str {
    use crate::model::MentionForm::*;
    match f {
        FullName => "full-name",
        Surname => "surname",
        Honorific => "honorific",
        Pronoun => "pronoun",
        Description => "description",
    }
}

/// The folder a project's relative paths and default ledger hang from: the
/// config file's folder, else the enclosing git work tree, else `cwd`.
pub fn project_dir(config_dir: Option<&Path>, cwd: &Path) -> PathBuf {
    if let Some(d) = config_dir.filter(|d| !d.as_os_str().is_empty()) {
        return d.to_path_buf();
    }
    let mut d = cwd.to_path_buf();
    loop {
        if d.join(".git").exists() {
            return d;
        }
        if !d.pop() {
            return cwd.to_path_buf();
        }
    }
}

/// Files changed since a git revision, for CI: `git diff --name-only REV` (the
/// work tree against REV, staged or not; deleted files left out) plus untracked
/// files git does not ignore, restricted to `paths` when given, and to the
/// editorial extensions (.md, .markdown, .txt).
pub fn changed_since(rev: &str, paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let git = |args: &[&str]| -> Result<Vec<u8>, String> {
        let out = std::process::Command::new("git")
            .args(args)
            .output()
            .map_err(|e| format!("cannot run git: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "`git {}` failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(out.stdout)
    };
    let top = git(&["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim());
    let specs: Vec<String> = paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut diff: Vec<&str> = vec!["diff", "--name-only", "-z", "--diff-filter=d", rev, "--"];
    diff.extend(specs.iter().map(String::as_str));
    let mut others: Vec<&str> = vec![
        "ls-files",
        "-z",
        "--others",
        "--exclude-standard",
        "--full-name",
        "--",
    ];
    others.extend(specs.iter().map(String::as_str));
    let mut names: Vec<String> = Vec::new();
    for out in [git(&diff)?, git(&others)?] {
        names.extend(
            out.split(|b| *b == 0)
                .filter(|n| !n.is_empty())
                .map(|n| String::from_utf8_lossy(n).into_owned()),
        );
    }
    names.sort();
    names.dedup();
    let cwd = std::env::current_dir().unwrap_or_default();
    Ok(names
        .into_iter()
        .map(|n| top.join(n))
        .filter(|p| {
            p.is_file()
                && p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    input::ARTICLE_EXTENSIONS
                        .iter()
                        .any(|a| a.eq_ignore_ascii_case(e))
                })
        })
        .map(|p| p.strip_prefix(&cwd).map_or(p.clone(), Path::to_path_buf))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_relative_to_the_project_and_lexical() {
        let cwd = Path::new("/news/desk");
        let base = Path::new("/news");
        assert_eq!(key_in(cwd, base, Path::new("./a/../b.md")), "desk/b.md");
        assert_eq!(key_in(cwd, base, Path::new("/news/x/y.txt")), "x/y.txt");
        assert_eq!(
            key_in(cwd, base, Path::new("/elsewhere/z.txt")),
            "/elsewhere/z.txt"
        );
    }

    #[test]
    fn terms_are_stable_and_tagged() {
        assert_eq!(
            term(b'q', &["we", "will", "not"]),
            term(b'q', &["we", "will", "not"])
        );
        assert_ne!(term(b'q', &["we", "will"]), term(b's', &["we", "will"]));
        assert_ne!(term(b'q', &["ab", "c"]), term(b'q', &["a", "bc"]));
    }
}
