//! `cargo binstall migready` looks for the archives the release workflow attaches: the names in
//! `[package.metadata.binstall]` must be the names `examples/ci/release.yml` writes, for every target.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

fn binstall() -> toml::Table {
    let manifest: toml::Table = std::fs::read_to_string("Cargo.toml")
        .unwrap()
        .parse()
        .unwrap();
    manifest["package"]["metadata"]["binstall"]
        .as_table()
        .expect("a [package.metadata.binstall] table")
        .clone()
}

/// The targets of the workflow's build matrix.
fn targets() -> Vec<String> {
    let text = std::fs::read_to_string("examples/ci/release.yml").unwrap();
    let workflow: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_array()
        .expect("a build matrix")
        .iter()
        .map(|row| row["target"].as_str().unwrap().to_owned())
        .collect()
}

fn expand(template: &str, vars: &BTreeMap<&str, String>) -> String {
    let mut out = template.to_owned();
    for (name, value) in vars {
        out = out.replace(&format!("{{ {name} }}"), value);
    }
    out
}

#[test]
fn binstall_finds_the_archive_the_release_workflow_attaches_for_every_target() {
    let meta = binstall();
    let workflow = std::fs::read_to_string("examples/ci/release.yml").unwrap();
    let targets = targets();
    assert!(targets.len() >= 6, "Linux, macOS and Windows: {targets:?}");
    for target in &targets {
        let windows = target.contains("windows");
        let format = meta
            .get("overrides")
            .and_then(|o| o.get(target.as_str()))
            .and_then(|o| o.get("pkg-fmt"))
            .or(meta.get("pkg-fmt"))
            .and_then(|f| f.as_str())
            .unwrap();
        assert_eq!(format, if windows { "zip" } else { "tgz" }, "{target}");
        let vars = BTreeMap::from([
            ("name", "migready".to_owned()),
            ("target", target.clone()),
            ("version", "1.2.3".to_owned()),
            ("repo", "https://github.com/migready/migready".to_owned()),
            ("archive-suffix", format!(".{format}")),
            ("bin", "migready".to_owned()),
            ("binary-ext", if windows { ".exe" } else { "" }.to_owned()),
        ]);
        let url = expand(meta["pkg-url"].as_str().unwrap(), &vars);
        let archive = format!("migready-{target}.{format}");
        assert!(
            url.ends_with(&format!("/releases/download/v1.2.3/{archive}")),
            "{url}"
        );
        // The workflow names the archive and the folder inside it after the target.
        assert!(workflow.contains("name=\"migready-$TARGET\""));
        assert!(
            workflow.contains(&format!("archive=\"$name.{format}\"")),
            "{format}"
        );
        let bin_dir = expand(meta["bin-dir"].as_str().unwrap(), &vars);
        let exe = if windows { "migready.exe" } else { "migready" };
        assert_eq!(bin_dir, format!("migready-{target}/{exe}"));
    }
}
