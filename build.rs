//! Copies the data files the library embeds (`src/**/*.txt`) into `OUT_DIR/data/`, without their
//! comment lines. The comments document each list in the repository (its source, its licence,
//! the script that made it, what was left out and why); the loaders skip them anyway
//! (`text::data_lines`), so in the `.wasm` they would only be bytes to download (about 4 KB
//! gzip). `data_file!` (in `lib.rs`) embeds the copies.

use std::fs;
use std::path::Path;

fn main() {
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("data");
    copy_data(Path::new("src"), &out);
    println!("cargo::rerun-if-changed=src");
}

/// Copies the `.txt` files under `dir` (but `src/bin`, the CLI's) to the same places under
/// `out`, comment lines (first non-blank character `#`) left out.
fn copy_data(dir: &Path, out: &Path) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().expect("a file name");
        if path.is_dir() && path != Path::new("src/bin") {
            copy_data(&path, &out.join(name));
        } else if path.extension().is_some_and(|e| e == "txt") {
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let data: String = text
                .lines()
                .filter(|line| !line.trim_start().starts_with('#'))
                .flat_map(|line| [line, "\n"])
                .collect();
            fs::create_dir_all(out).expect("OUT_DIR is writable");
            fs::write(out.join(name), data).expect("OUT_DIR is writable");
        }
    }
}
