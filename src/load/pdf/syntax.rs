//! Pieces of PDF syntax shared by the content-stream lexer and the CMap lexer.

/// Decodes a literal string `( … )` whose opening parenthesis is at `data[*pos]`:
/// nested parentheses, backslash escapes (`\n \r \t \b \f`, octal `\ddd`, an escaped end
/// of line that continues the string). Appends the bytes to `out` and leaves `*pos`
/// after the closing parenthesis (or at the end of `data` for an unterminated string).
pub fn literal_string(data: &[u8], pos: &mut usize, out: &mut Vec<u8>) {
    *pos += 1;
    let mut depth = 1usize;
    while let Some(&c) = data.get(*pos) {
        *pos += 1;
        match c {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
            b'\\' => {
                let Some(&e) = data.get(*pos) else {
                    return;
                };
                *pos += 1;
                let byte = match e {
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    b'b' => 8,
                    b'f' => 12,
                    b'0'..=b'7' => {
                        let mut v = u32::from(e - b'0');
                        for _ in 0..2 {
                            match data.get(*pos) {
                                Some(&d @ b'0'..=b'7') => {
                                    v = v * 8 + u32::from(d - b'0');
                                    *pos += 1;
                                }
                                _ => break,
                            }
                        }
                        // Octal above \377 keeps its low byte, as readers do.
                        v as u8
                    }
                    // A backslash before an end of line (CR, LF or CR LF) continues the
                    // string without a line break.
                    b'\r' => {
                        if data.get(*pos) == Some(&b'\n') {
                            *pos += 1;
                        }
                        continue;
                    }
                    b'\n' => continue,
                    other => other,
                };
                out.push(byte);
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(src: &[u8]) -> (Vec<u8>, usize) {
        let (mut pos, mut out) = (0, Vec::new());
        literal_string(src, &mut pos, &mut out);
        (out, pos)
    }

    #[test]
    fn escapes_nesting_and_continuations() {
        assert_eq!(decode(b"(a(b)c) rest"), (b"a(b)c".to_vec(), 7));
        assert_eq!(decode(br"(\(x\)\\\n\101\0)").0, b"(x)\\\nA\0".to_vec());
        assert_eq!(decode(b"(ab\\\r\ncd)").0, b"abcd".to_vec());
        assert_eq!(decode(b"(unterminated").0, b"unterminated".to_vec());
    }
}
