//! Which files to read, and reading them: folders are walked as ripgrep walks
//! them (hidden and git-ignored files skipped), `-` is standard input, and every
//! file must be UTF-8 text.

use crate::error::Error;
use crate::markup::Format;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    Stdin,
}

/// An article to check: where it is and how it is shown.
#[derive(Debug, Clone)]
pub struct Target {
    pub origin: Origin,
    /// The path as the user named it, or as found under a named folder.
    pub display: String,
    pub format: Format,
}

/// Extensions quotecheck reads when it walks a folder.
pub const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "md", "markdown"];

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

/// The articles named by `paths`, in a stable order (each folder's files sorted by
/// path), with an error for each path that could not be walked.
pub fn targets(paths: &[PathBuf]) -> (Vec<Target>, Vec<Error>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Target {
                origin: Origin::Stdin,
                display: "<stdin>".to_string(),
                format: Format::Text,
            });
            continue;
        }
        let display = p.to_string_lossy().into_owned();
        match std::fs::metadata(p) {
            Err(source) => errors.push(Error::Io {
                path: display,
                source,
            }),
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                let walker = ignore::WalkBuilder::new(p)
                    .sort_by_file_path(|a, b| a.cmp(b))
                    .build();
                for entry in walker {
                    match entry {
                        Ok(e) => {
                            let path = e.path();
                            if e.file_type().is_some_and(|t| t.is_file()) && is_article(path) {
                                found.push(Target {
                                    origin: Origin::File(path.to_path_buf()),
                                    display: path.to_string_lossy().into_owned(),
                                    format: Format::for_path(path),
                                });
                            }
                        }
                        Err(err) => errors.push(Error::Walk {
                            path: display.clone(),
                            message: err.to_string(),
                        }),
                    }
                }
                out.extend(found);
            }
            Ok(_) => out.push(Target {
                origin: Origin::File(p.clone()),
                display,
                format: Format::for_path(p),
            }),
        }
    }
    (out, errors)
}

/// Read a target as UTF-8 text.
pub fn read(target: &Target) -> Result<String, Error> {
    let bytes = match &target.origin {
        Origin::File(p) => std::fs::read(p),
        Origin::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map(|_| buf)
        }
    }
    .map_err(|source| Error::Io {
        path: target.display.clone(),
        source,
    })?;
    decode(&target.display, bytes)
}

/// Check that bytes are text: no NUL byte, valid UTF-8.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, Error> {
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(Error::Binary {
            path: path.to_string(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_names_the_first_bad_byte() {
        let err = decode("a.txt", b"ok \xff bad".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt: not valid UTF-8 (first bad byte at offset 3)"
        );
        let err = decode("b.txt", b"x\0y".to_vec()).unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 1, .. }));
        assert_eq!(
            decode("c.txt", "\u{feff}“ok”".as_bytes().to_vec()).unwrap(),
            "\u{feff}“ok”"
        );
    }
}
