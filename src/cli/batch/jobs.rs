//! Which files a batch converts and where each edition goes: inputs found, sorted,
//! checked for clashing output names and cut into shards.

use std::path::{Path, PathBuf};

use folio::diag::Diagnostic;
use folio::load::Access;
use folio::model::Span;

/// One input to convert and the name its editions take under `--out`.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// The input file as found (the argument, or the argument joined with the path
    /// below it).
    pub input: PathBuf,
    /// The output path without extension, relative to `--out`: the input's path below
    /// the directory given, or its file name when a file was given.
    pub stem: PathBuf,
    /// Why this input cannot be converted before it is even read (it clashes with
    /// another input's output name, or the argument does not exist).
    pub refused: Option<Diagnostic>,
}

/// `K/N`: the K-th (from 1) of N slices of the sorted inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which slice, from 1.
    pub k: usize,
    /// How many slices.
    pub n: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Shard, String> {
        let (k, n) = text
            .split_once('/')
            .ok_or_else(|| format!("`{text}` is not K/N (for example 2/8)"))?;
        let k: usize = k
            .trim()
            .parse()
            .map_err(|_| format!("`{k}` is not a number"))?;
        let n: usize = n
            .trim()
            .parse()
            .map_err(|_| format!("`{n}` is not a number"))?;
        if n == 0 || k == 0 || k > n {
            return Err(format!("shard {k}/{n}: K must be between 1 and N"));
        }
        Ok(Shard { k, n })
    }
}

/// Every input to convert, sorted by input path, with clashing output names refused;
/// the sort and the refusals come before sharding, so every shard agrees on them.
/// A file found in a folder that leads (through a symlink) out of it, and of the
/// folders `access` allows, is refused like an image that does.
pub fn find(args: &[PathBuf], out: &Path, access: &Access) -> Vec<Job> {
    let mut jobs = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let mut found = Vec::new();
            walk(arg, out.canonicalize().ok().as_deref(), &mut found);
            for input in found {
                let below = input.strip_prefix(arg).unwrap_or(&input).to_path_buf();
                let outside = folio::load::found_inside(arg, &input, access).err();
                let mut job = job(input, below);
                job.refused = outside.map(|err| *err);
                jobs.push(job);
            }
        } else {
            let name = arg.file_name().map(PathBuf::from).unwrap_or_default();
            let mut job = job(arg.clone(), name);
            if !arg.is_file() {
                job.refused = Some(refusal(
                    "E-IO",
                    arg,
                    "cannot read the input: no such file or directory".to_string(),
                ));
            }
            jobs.push(job);
        }
    }
    jobs.sort_by(|a, b| (&a.input, &a.stem).cmp(&(&b.input, &b.stem)));
    jobs.dedup_by(|a, b| a.input == b.input);
    refuse_clashes(&mut jobs);
    jobs
}

fn job(input: PathBuf, below: PathBuf) -> Job {
    Job {
        input,
        stem: below.with_extension(""),
        refused: None,
    }
}

/// The `.md` and `.txt` files below `dir`, skipping hidden entries, symbolic links to
/// directories (they can loop) and the output directory.
fn walk(dir: &Path, out: Option<&Path>, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if out.is_some() && path.canonicalize().ok().as_deref() == out {
                continue;
            }
            walk(&path, out, found);
        } else if is_profile(&path) && path.is_file() {
            found.push(path);
        }
    }
}

/// Whether a file is a profile folio reads: `.md` or `.txt`, in any case.
pub fn is_profile(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("txt"))
}

/// Two inputs whose editions would have the same name (`a.md` and `a.txt`, or the same
/// file name in two arguments): the first in sorted order keeps the name, the others are
/// refused, so no run silently overwrites one with the other.
fn refuse_clashes(jobs: &mut [Job]) {
    let mut owners: std::collections::HashMap<PathBuf, PathBuf> = Default::default();
    for job in jobs.iter_mut() {
        let key = PathBuf::from(job.stem.to_string_lossy().to_lowercase());
        match owners.get(&key) {
            None => {
                owners.insert(key, job.input.clone());
            }
            Some(owner) if job.refused.is_none() => {
                let message = format!(
                    "its editions would overwrite those of {} (both are named {})",
                    owner.display(),
                    job.stem.display()
                );
                job.refused = Some(
                    refusal("E-BATCH-CLASH", &job.input, message)
                        .with_hint("rename one of them, or convert them in separate runs"),
                );
            }
            Some(_) => {}
        }
    }
}

fn refusal(code: &'static str, input: &Path, message: String) -> Diagnostic {
    Diagnostic::error(code, &input.display().to_string(), Span::default(), message)
}

/// The jobs of one shard: every N-th of the sorted list, starting at the K-th, so each
/// shard gets a share of every part of the archive.
pub fn shard(jobs: Vec<Job>, shard: Option<Shard>) -> Vec<Job> {
    let Some(Shard { k, n }) = shard else {
        return jobs;
    };
    jobs.into_iter()
        .enumerate()
        .filter(|(i, _)| i % n == k - 1)
        .map(|(_, job)| job)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(dir: &Path, name: &str) {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "x").unwrap();
    }

    #[test]
    fn finds_profiles_below_directories_and_mirrors_them() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("in");
        for name in [
            "b.md",
            "a.txt",
            "sub/c.MD",
            "notes.pdf",
            ".hidden/d.md",
            "out/e.md",
        ] {
            touch(&root, name);
        }
        let jobs = find(
            std::slice::from_ref(&root),
            &root.join("out"),
            &Access::default(),
        );
        let stems: Vec<_> = jobs.iter().map(|j| j.stem.display().to_string()).collect();
        assert_eq!(stems, ["a", "b", "sub/c"]);
        assert!(jobs.iter().all(|j| j.refused.is_none()));
    }

    #[test]
    fn the_order_of_arguments_does_not_matter_and_clashes_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in ["x/a.md", "x/a.txt", "y/b.md"] {
            touch(root, name);
        }
        let out = root.join("out");
        let one = find(&[root.join("x"), root.join("y")], &out, &Access::default());
        let two = find(
            &[root.join("y"), root.join("x"), root.join("x/a.md")],
            &out,
            &Access::default(),
        );
        assert_eq!(one, two);
        let refused: Vec<_> = one.iter().filter(|j| j.refused.is_some()).collect();
        assert_eq!(refused.len(), 1);
        assert!(refused[0].input.ends_with("x/a.txt"));
    }

    #[test]
    fn shards_partition_the_list() {
        let mut jobs: Vec<Job> = (0..10)
            .map(|i| {
                job(
                    PathBuf::from(format!("{i}.md")),
                    PathBuf::from(format!("{i}")),
                )
            })
            .collect();
        jobs.sort_by(|a, b| a.input.cmp(&b.input));
        let mut union: Vec<Job> = (1..=3)
            .flat_map(|k| shard(jobs.clone(), Some(Shard { k, n: 3 })))
            .collect();
        assert_eq!(union.len(), 10);
        union.sort_by(|a, b| a.input.cmp(&b.input));
        assert_eq!(union, jobs);
        assert_eq!(shard(jobs, Some(Shard { k: 2, n: 3 })).len(), 3);
    }

    #[test]
    fn shard_syntax() {
        assert_eq!("2/8".parse::<Shard>(), Ok(Shard { k: 2, n: 8 }));
        for bad in ["0/3", "4/3", "1/0", "3", "a/b"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }
}
