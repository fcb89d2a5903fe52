//! QR codes as inline SVG, for enrolling an authenticator app: drawn here from the text, so no
//! image library, no external service and nothing the content security policy would refuse.

use qrcodegen::{QrCode, QrCodeEcc};

/// The QR code of `text` as an `<svg>` element scaled by CSS, with the four-module quiet zone
/// scanners need. `None` if the text is too long for any QR code.
pub(crate) fn qr_svg(text: &str, label: &str) -> Option<String> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let border = 4;
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    let full = size + 2 * border;
    Some(format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>",
        escape(label)
    ))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qr_code_is_a_square_svg_with_a_quiet_zone() {
        let svg = qr_svg(
            "otpauth://totp/Netral:siti?secret=JBSWY3DPEHPK3PXP",
            "QR \"kode\"",
        )
        .unwrap();
        assert!(svg.starts_with("<svg class=\"qr\""));
        // Version 3 or 4 for this length: 29 or 33 modules, plus 8 of border.
        assert!(
            svg.contains("viewBox=\"0 0 37 37\"") || svg.contains("viewBox=\"0 0 41 41\""),
            "{svg}"
        );
        assert!(svg.contains("aria-label=\"QR &quot;kode&quot;\""));
        assert!(qr_svg(&"x".repeat(5000), "too long").is_none());
    }
}
