//! House style: the parameters several rules share, filled by a preset
//! (`rules/house/presets.toml`) and overridden key by key in quotecheck.toml.

use serde::Deserialize;

const PRESETS: &str = include_str!("../../rules/house/presets.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Honorifics {
    None,
    AfterFirst,
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Marks {
    Double,
    Single,
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Glyphs {
    Curly,
    Straight,
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Punctuation {
    American,
    Logical,
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Intro {
    Comma,
    Colon,
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Alterations {
    Allowed,
    /// Omissions only: no insertions, no [sic] (Reuters).
    DeletionsOnly,
    Forbidden,
}

/// The house form of an omission mark inside quotations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ellipsis {
    /// Three full stops with a space either side: "foul ... and" (Reuters).
    SpacedDots,
    /// Three full stops against the words: "foul...and".
    Dots,
    /// The single character "…".
    Character,
    Any,
}

impl Ellipsis {
    pub fn as_str(self) -> &'static str {
        match self {
            Ellipsis::SpacedDots => "spaced-dots",
            Ellipsis::Dots => "dots",
            Ellipsis::Character => "character",
            Ellipsis::Any => "any",
        }
    }
}

/// The house-style table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct House {
    pub preset: String,
    pub honorifics: Honorifics,
    pub primary: Marks,
    pub headline_primary: Marks,
    pub glyphs: Glyphs,
    pub punctuation: Punctuation,
    pub intro: Intro,
    pub anonymity_reason_required: bool,
    pub anonymous_opinion_forbidden: bool,
    pub alterations: Alterations,
    /// Optional-tier rules this house switches on (AP: `full-name-repeated`).
    pub enable: Vec<String>,
    pub ellipsis: Ellipsis,
}

/// Some keys of the house table, as a preset or a config file gives them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HousePatch {
    pub honorifics: Option<Honorifics>,
    pub primary: Option<Marks>,
    pub headline_primary: Option<Marks>,
    pub glyphs: Option<Glyphs>,
    pub punctuation: Option<Punctuation>,
    pub intro: Option<Intro>,
    pub anonymity_reason_required: Option<bool>,
    pub anonymous_opinion_forbidden: Option<bool>,
    pub alterations: Option<Alterations>,
    /// Optional-tier rules to switch on, added to the preset's.
    pub enable: Option<Vec<String>>,
    pub ellipsis: Option<Ellipsis>,
}

impl House {
    fn apply(&mut self, p: &HousePatch) {
        macro_rules! set {
            ($($f:ident),*) => { $( if let Some(v) = p.$f { self.$f = v; } )* };
        }
        set!(
            honorifics,
            primary,
            headline_primary,
            glyphs,
            punctuation,
            intro,
            anonymity_reason_required,
            anonymous_opinion_forbidden,
            alterations,
            ellipsis
        );
        for id in p.enable.iter().flatten() {
            if !self.enable.contains(id) {
                self.enable.push(id.clone());
            }
        }
    }

    /// The names of the shipped presets.
    pub fn preset_names() -> Vec<String> {
        presets()
            .keys()
            .filter(|k| *k != "default")
            .cloned()
            .collect()
    }

    /// The house table of a preset (`None` for an unknown name).
    pub fn preset(name: &str) -> Option<House> {
        let all = presets();
        let mut h = House {
            preset: name.to_string(),
            honorifics: Honorifics::Any,
            primary: Marks::Double,
            headline_primary: Marks::Any,
            glyphs: Glyphs::Any,
            punctuation: Punctuation::Any,
            intro: Intro::Any,
            anonymity_reason_required: true,
            anonymous_opinion_forbidden: false,
            alterations: Alterations::Allowed,
            enable: Vec::new(),
            ellipsis: Ellipsis::Any,
        };
        h.apply(all.get("default")?);
        if name != "default" {
            h.apply(all.get(name)?);
        }
        Some(h)
    }

    /// Override single keys.
    pub fn patched(mut self, patch: &HousePatch) -> House {
        self.apply(patch);
        self
    }
}

impl Default for House {
    fn default() -> Self {
        House::preset("default").expect("the shipped presets have a default")
    }
}

fn presets() -> std::collections::BTreeMap<String, HousePatch> {
    toml::from_str(PRESETS).expect("rules/house/presets.toml is valid (checked by a test)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_loads_and_differs_from_default_where_it_says() {
        for name in House::preset_names() {
            assert!(House::preset(&name).is_some(), "{name}");
        }
        assert_eq!(House::preset("ap").unwrap().honorifics, Honorifics::None);
        assert_eq!(House::preset("wikipedia").unwrap().glyphs, Glyphs::Straight);
        assert!(House::preset("nope").is_none());
    }

    #[test]
    fn every_rule_a_preset_enables_exists() {
        let rules = crate::rules::load_rules(&[], &Default::default()).unwrap();
        for name in House::preset_names() {
            for id in &House::preset(&name).unwrap().enable {
                assert!(
                    rules.get(id).is_some(),
                    "preset {name} enables unknown {id}"
                );
            }
        }
    }
}
