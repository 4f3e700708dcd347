//! `quotecheck.toml`: house-style preset, rules switched on and off, severity
//! overrides, options per rule, paths to ignore, suppressions. Found by walking up
//! from the working directory, or named with `--config`. Unknown keys are errors,
//! reported like bad rule files.

use crate::rules::RuleError;
use crate::rules::house::{House, HousePatch};
use crate::rules::load::RuleOverride;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "quotecheck.toml";

/// The configuration file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// A house-style preset: ap, reuters, nyt, guardian, bbc, uk-honorific, wikipedia.
    pub preset: Option<String>,
    /// Single house-style values over the preset.
    #[serde(default)]
    pub house: HousePatch,
    /// Make warnings fail the run, as `--deny warnings`.
    #[serde(default)]
    pub deny_warnings: bool,
    /// Folders of the newsroom's own rule files (relative to this file).
    #[serde(default)]
    pub rules_dirs: Vec<PathBuf>,
    /// Folders of archive articles (relative to this file) that cross-article rules
    /// compare against without reporting on them, as `--archive`.
    #[serde(default)]
    pub archive: Vec<PathBuf>,
    /// The archive ledger's file (relative to this file); default
    /// `.quotecheck/ledger.sqlite` beside it.
    pub ledger: Option<PathBuf>,
    /// Paths (globs) to leave out when walking folders.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Per rule: `enabled`, `severity`, `options`.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleOverride>,
    /// Findings waved through, for plain-text files: by path glob, rule and quoted words.
    #[serde(default)]
    pub suppress: Vec<Suppression>,
    /// Where the file is (set after reading).
    #[serde(skip)]
    pub dir: PathBuf,
}

/// A finding waved through by the config file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suppression {
    /// A glob matched against the path as shown.
    pub path: String,
    /// The rule id; all rules when absent.
    pub rule: Option<String>,
    /// Words the finding’s span must contain; any when absent.
    pub quote: Option<String>,
    pub reason: String,
}

impl Config {
    /// The config file to use: the one named, else the nearest `quotecheck.toml`
    /// from the working directory up. `Ok(None)` when there is none.
    pub fn find(named: Option<&Path>) -> Result<Option<Config>, Box<RuleError>> {
        let path = match named {
            Some(p) => Some(p.to_path_buf()),
            None => std::env::current_dir().ok().and_then(|mut d| {
                loop {
                    let candidate = d.join(FILE_NAME);
                    if candidate.is_file() {
                        break Some(candidate);
                    }
                    if !d.pop() {
                        break None;
                    }
                }
            }),
        };
        let Some(path) = path else { return Ok(None) };
        let shown = path.display().to_string();
        let src = std::fs::read_to_string(&path).map_err(|e| {
            Box::new(RuleError::new(
                &shown,
                "",
                format!("cannot read the config file: {e}"),
            ))
        })?;
        Config::parse(&shown, &src, path.parent().unwrap_or(Path::new("."))).map(Some)
    }

    pub fn parse(shown: &str, src: &str, dir: &Path) -> Result<Config, Box<RuleError>> {
        let mut c: Config = toml::from_str(src).map_err(|e| {
            let err = RuleError::new(shown, src, e.message().to_string());
            Box::new(match e.span() {
                Some(s) => err.at(s, "here"),
                None => err,
            })
        })?;
        if let Some(p) = &c.preset
            && House::preset(p).is_none()
        {
            let at = src.find(p.as_str()).map(|s| s..s + p.len());
            let err = RuleError::new(shown, src, format!("unknown house-style preset `{p}`"))
                .help(format!("presets: {}", House::preset_names().join(", ")));
            return Err(Box::new(match at {
                Some(r) => err.at(r, "not a preset"),
                None => err,
            }));
        }
        c.dir = dir.to_path_buf();
        Ok(c)
    }

    /// The house table: the preset, then the `[house]` values.
    pub fn house(&self, preset_flag: Option<&str>) -> House {
        let name = preset_flag.or(self.preset.as_deref()).unwrap_or("default");
        House::preset(name).unwrap_or_default().patched(&self.house)
    }

    /// Archive folders, resolved against the config file's folder.
    pub fn archive_dirs(&self) -> Vec<PathBuf> {
        self.archive.iter().map(|d| self.dir.join(d)).collect()
    }

    /// The ledger's file, resolved against the config file's folder.
    pub fn ledger_path(&self) -> Option<PathBuf> {
        self.ledger.as_ref().map(|p| self.dir.join(p))
    }

    /// Rule folders, resolved against the config file's folder.
    pub fn rule_dirs(&self) -> Vec<PathBuf> {
        self.rules_dirs.iter().map(|d| self.dir.join(d)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_errors_with_a_span() {
        let src = "preset = \"guardian\"\ncolour = true\n";
        let e = Config::parse("quotecheck.toml", src, Path::new(".")).unwrap_err();
        assert!(
            e.message.contains("unknown field `colour`"),
            "{}",
            e.message
        );
        assert!(e.span.is_some());
    }

    #[test]
    fn unknown_preset_lists_the_valid_ones() {
        let e = Config::parse("q.toml", "preset = \"gaurdian\"\n", Path::new(".")).unwrap_err();
        assert!(e.help.as_deref().unwrap().contains("guardian"));
    }

    #[test]
    fn preset_then_house_values() {
        let c = Config::parse(
            "q.toml",
            "preset = \"ap\"\n[house]\nintro = \"colon\"\n[rules.loaded-attribution-verb]\nenabled = false\n",
            Path::new("."),
        )
        .unwrap();
        let h = c.house(None);
        assert_eq!(h.intro, crate::rules::house::Intro::Colon);
        assert_eq!(h.honorifics, crate::rules::house::Honorifics::None);
        assert_eq!(c.rules["loaded-attribution-verb"].enabled, Some(false));
    }
}
