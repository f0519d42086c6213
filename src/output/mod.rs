//! Writing results: one JSON per pack and `index.jsonl`, each written to a temporary
//! file in the destination folder and renamed into place, so an interrupted run never
//! leaves a half-written file.

pub mod index;

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

/// Writes `bytes` to `path` atomically (temp file in the same folder, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut tmp = temp_file_beside(path)?;
    tmp.write_all(bytes)
        .with_context(|| format!("writing {}", path.display()))?;
    // No fsync: the rename alone is what keeps an interrupted run from leaving a half-written
    // file, and a sync per pack costs more than extracting it (issue #3).
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("renaming into {}", path.display()))?;
    Ok(())
}

/// A temporary file in `path`'s folder (created if missing), to be persisted as `path`.
/// It gets the permissions `File::create` would give `path` (0666 less the umask), not a
/// temporary file's private 0600, which the rename would keep.
pub fn temp_file_beside(path: &Path) -> Result<tempfile::NamedTempFile> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Most outputs go to a folder that exists by now: a stat costs far less than the
    // failed mkdir `create_dir_all` would start with (a quarter millisecond here, issue #3).
    if !dir.is_dir() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".councilpack-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
        .tempfile_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))
}

/// Serialises a pack as pretty JSON with a trailing newline.
pub fn pack_json(pack: &crate::pack::Pack) -> Result<Vec<u8>> {
    // A pack's JSON is about the size of a text pack: room for that up front saves the
    // buffer's doublings and copies (issue #3). PDFs are far larger than their text, so
    // the guess is capped.
    let guess = usize::try_from(pack.source.bytes).unwrap_or(0).min(1 << 22);
    let mut v = Vec::with_capacity(guess + 1024);
    serde_json::to_writer_pretty(&mut v, pack).context("serialising pack JSON")?;
    v.push(b'\n');
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a/b.json");
        write_atomic(&p, b"{}\n").unwrap();
        write_atomic(&p, b"{\"x\":1}\n").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"{\"x\":1}\n");
        let names: Vec<_> = std::fs::read_dir(p.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn outputs_are_as_readable_as_a_created_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let created = dir.path().join("created");
        std::fs::write(&created, b"x").unwrap();
        let written = dir.path().join("written.json");
        write_atomic(&written, b"{}\n").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&written), mode(&created));
        assert_ne!(mode(&written) & 0o044, 0, "group/others can read it");
    }
}
