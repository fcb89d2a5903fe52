# Netral — teks antarmuka, bahasa Indonesia (bahasa utama).
# Kunci: <bagian>-<nama>, huruf kecil dengan tanda hubung. Bagian: site, nav, lang, skip, footer,
# home, funnel, status (status pelaporan resmi), state (status perkara), rules, track, severity,
# clock, holidays, holiday-kind, weekday, month, date, error.

## Kerangka halaman
site-name = Netral
site-tagline = Netralitas ASN
skip-to-content = Langsung ke isi
nav-label = Navigasi utama
nav-home = Beranda
nav-rules = Aturan
lang-switch = English
footer-text = Netral membantu pengawas menangani laporan pelanggaran netralitas Aparatur Sipil Negara. Halaman publik hanya memuat angka agregat, tanpa data pribadi.

## Beranda
home-title = Beranda
home-heading = Menjaga netralitas ASN dalam Pemilu dan Pilkada
home-intro = Netral adalah sistem yang dipakai lembaga pengawas untuk mencegah, menerima, memeriksa, dan menindaklanjuti laporan Aparatur Sipil Negara (ASN) yang melanggar asas netralitas dalam Pemilu dan Pilkada: dari laporan masuk, verifikasi, kajian, rekomendasi kepada Pejabat Pembina Kepegawaian (PPK), sampai sanksi dan pemantauan tindak lanjutnya.
funnel-heading = Perjalanan laporan
funnel-intro = { $total ->
    [0] Belum ada perkara yang tercatat.
   *[other] Seluruhnya { $total } perkara tercatat, menurut status pelaporan resmi:
}
funnel-states-heading = Rincian menurut tahap
funnel-col-state = Tahap menurut status pelaporan
funnel-col-count = Jumlah perkara
funnel-privacy = Angka ini adalah jumlah agregat. Nama, NIP, nomor perkara, dan isi laporan hanya dapat dilihat petugas yang berwenang.
home-rules-heading = Aturan yang berlaku
home-rules-text = Daftar pelanggaran, saran sanksi, batas waktu setiap tahap, dan kalender hari libur dimuat sebagai data berversi, karena aturan berubah setiap siklus pemilihan.
home-rules-link = Lihat aturan yang berlaku

## Status pelaporan resmi (pengelompokan tahap perkara)
status-awaiting-verification = Menunggu verifikasi
status-awaiting-follow-up = Menunggu tindak lanjut PPK
status-sanctioned = Dijatuhi sanksi
status-not-proven = Tidak terbukti
status-rejected = Ditolak
status-cancelled = Dibatalkan
status-separated = Pensiun/berhenti

## Tahap perkara
state-received = Diterima
state-verification = Verifikasi
state-review = Kajian
state-recommendation = Penyusunan rekomendasi
state-awaiting-follow-up = Menunggu tindak lanjut PPK
state-follow-up-refused = Tindak lanjut ditolak PPK
state-warned = PPK diberi peringatan
state-data-blocked = Data kepegawaian diblokir
state-sanctioned = Dijatuhi sanksi
state-appeal = Keberatan/banding
state-closed = Selesai
state-rejected = Ditolak
state-not-proven = Tidak terbukti
state-cancelled = Dibatalkan
state-separated = Pensiun/berhenti

## Aturan
rules-title = Aturan { $version }
rules-heading = Aturan netralitas ASN
rules-in-force-today = Aturan yang berlaku hari ini, { $date } (WIB).
rules-not-in-force = Versi ini tidak berlaku hari ini; ditampilkan untuk perkara yang diperiksa menurut versi ini.
rules-version = Versi
rules-name = Judul
rules-oversight-body = Lembaga pengawas
rules-effective-from = Berlaku sejak
rules-effective-since = berlaku sejak { $date }
rules-violations-heading = Jenis pelanggaran
rules-violations-intro = Pelanggaran dibagi dalam dua jalur: disiplin (PP 94/2021) dan kode etik (PP 42/2004). Sanksi yang tercantum adalah saran; keputusan ada pada PPK.
rules-col-violation = Pelanggaran
rules-col-legal-basis = Dasar hukum
rules-col-sanction = Saran sanksi
rules-col-severity = Tingkat
rules-disputed = Diperdebatkan
rules-disputed-note = "Diperdebatkan": sumber resmi berbeda pendapat tentang berat sanksinya; saran ini adalah nilai bawaan yang perlu ditimbang.
rules-unknown = Tidak diketahui
rules-clocks-heading = Batas waktu setiap tahap
rules-clocks-intro = Hari kerja dihitung tanpa Sabtu, Minggu, hari libur nasional, dan cuti bersama. Waktu dapat dihentikan sementara selama menunggu pelapor.
rules-col-stage = Tahap
rules-col-duration = Batas waktu
rules-col-source = Sumber
rules-unconfirmed = Belum pasti
rules-versions-heading = Semua versi aturan
rules-in-force-tag = Berlaku hari ini
rules-calendar-heading = Kalender hari libur
rules-calendar-intro = Hari libur nasional, cuti bersama, dan hari pemungutan suara menghentikan hitungan hari kerja.
rules-calendar-year = Hari libur { $year }

## Jalur dan tingkat sanksi
track-discipline = Pelanggaran disiplin
track-ethics = Pelanggaran kode etik
severity-moral = Sanksi moral
severity-medium = Hukuman disiplin sedang
severity-heavy = Hukuman disiplin berat
severity-dismissal = Pemberhentian tidak dengan hormat

## Lama waktu
clock-calendar-days = { $days } hari kalender
clock-working-days = { $days } hari kerja

## Hari libur
holidays-title = Hari libur { $year }
holidays-heading = Hari libur { $year }
holidays-intro = Hari-hari ini tidak dihitung sebagai hari kerja dalam batas waktu penanganan perkara.
holidays-col-date = Tanggal
holidays-col-kind = Jenis
holidays-col-name = Keterangan
holidays-names-note = Keterangan hari libur ditulis sebagaimana dalam keputusan pemerintah.
holidays-years-label = Tahun lain
holidays-back = Kembali ke aturan
holiday-kind-national = Libur nasional
holiday-kind-collective-leave = Cuti bersama
holiday-kind-election = Hari pemungutan suara

## Tanggal
date-long = { $weekday }, { $day } { $month } { $year }
weekday-mon = Senin
weekday-tue = Selasa
weekday-wed = Rabu
weekday-thu = Kamis
weekday-fri = Jumat
weekday-sat = Sabtu
weekday-sun = Minggu
month-jan = Januari
month-feb = Februari
month-mar = Maret
month-apr = April
month-may = Mei
month-jun = Juni
month-jul = Juli
month-aug = Agustus
month-sep = September
month-oct = Oktober
month-nov = November
month-dec = Desember

## Galat
error-not-found-title = Halaman tidak ditemukan
error-not-found-message = Halaman yang Anda cari tidak ada atau sudah dipindahkan. Periksa kembali alamatnya.
error-method-title = Permintaan tidak didukung
error-method-message = Halaman ini tidak dapat menerima permintaan seperti itu.
error-unavailable-title = Layanan sedang tidak tersedia
error-unavailable-message = Basis data sedang tidak dapat dijangkau. Silakan coba beberapa saat lagi.
error-internal-title = Terjadi kesalahan
error-internal-message = Terjadi kesalahan pada sistem. Petugas sudah dapat melihatnya di catatan sistem; silakan coba lagi nanti.
error-status = Kode status { $status }
error-home-link = Kembali ke beranda
