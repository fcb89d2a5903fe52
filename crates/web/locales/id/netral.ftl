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
nav-report = Lapor
nav-status = Cek status
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
home-report-heading = Melihat ASN tidak netral?
home-report-text = Laporkan di sini, boleh tanpa nama. Anda akan mendapat nomor laporan dan kode tanda terima untuk mengikuti perkembangannya.
home-report-link = Laporkan pelanggaran
home-status-link = Cek status laporan

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
state-merged = Digabung ke perkara lain

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

## Formulir laporan
report-title = Laporkan pelanggaran
report-heading = Laporkan pelanggaran netralitas ASN
report-intro = Isi formulir ini jika Anda melihat Aparatur Sipil Negara (ASN) berpihak dalam Pemilu atau Pilkada. Yang wajib hanya cerita kejadian, siapa, dan tanggalnya. Anda boleh melapor tanpa nama.
form-required = (wajib)
report-what-heading = Apa yang terjadi?
report-what-intro = Centang semua yang sesuai. Jika ragu, pilih "Saya tidak yakin": petugas yang akan menilainya.
report-group-social-media = Di media sosial
report-group-events = Di acara atau pertemuan
report-group-photos = Dalam foto
report-group-party = Partai, tim kampanye, dan alat peraga
report-group-office = Jabatan, program, dan fasilitas kantor
report-group-candidacy = Mencalonkan diri atau mendampingi pasangan yang mencalonkan diri
report-group-other = Lainnya
report-what-unsure = Saya tidak yakin
report-what-unsure-hint = Ceritakan saja kejadiannya; petugas yang menentukan jenis pelanggarannya.
report-what-MEDSOS_INTERAKSI = Menyukai, membagikan, mengomentari, atau mengikuti akun calon
report-what-MEDSOS_INTERAKSI-hint = Contoh: menyukai atau membagikan unggahan pasangan calon, atau membagikan stiker calon di grup WhatsApp.
report-what-MEDSOS_KAMPANYE = Mengajak memilih calon lewat media sosial
report-what-MEDSOS_KAMPANYE-hint = Contoh: mengunggah ajakan memilih, twibbon dukungan, atau video kampanye calon di Facebook, Instagram, atau TikTok.
report-what-ETIK_MEDSOS_INTERAKSI = Menyukai, membagikan, atau mengikuti akun bakal calon (belum ditetapkan KPU)
report-what-ETIK_MEDSOS_INTERAKSI-hint = Contoh: mengikuti dan menyukai unggahan akun bakal calon presiden sebelum penetapan calon.
report-what-ETIK_MEDSOS_PROMOSI = Mempromosikan bakal calon di media sosial
report-what-ETIK_MEDSOS_PROMOSI-hint = Contoh: mengunggah foto tokoh yang akan maju disertai ajakan untuk mendukungnya.
report-what-DEKLARASI = Menghadiri deklarasi atau kampanye calon dan ikut mendukung
report-what-DEKLARASI-hint = Contoh: hadir di deklarasi pasangan calon sambil bersorak, berorasi, atau memakai kaos calon.
report-what-ETIK_DEKLARASI = Menghadiri deklarasi bakal calon dan ikut mendukung
report-what-ETIK_DEKLARASI-hint = Contoh: ikut naik panggung saat seorang tokoh mendeklarasikan diri sebagai bakal calon bupati.
report-what-KEGIATAN_KEBERPIHAKAN = Mengadakan atau ikut kegiatan yang berpihak: pertemuan, ajakan, atau pembagian barang
report-what-KEGIATAN_KEBERPIHAKAN-hint = Contoh: menghadiri acara ulang tahun partai politik, atau membagikan sembako bergambar calon.
report-what-ETIK_KEGIATAN_PROMOSI = Ikut acara yang mempromosikan bakal calon
report-what-ETIK_KEGIATAN_PROMOSI-hint = Contoh: menjadi panitia atau pembicara dalam acara sosialisasi bakal calon.
report-what-FOTO_KEBERPIHAKAN = Berfoto bersama calon dengan gaya yang menunjukkan dukungan
report-what-FOTO_KEBERPIHAKAN-hint = Contoh: foto bersama calon sambil mengacungkan jari atau membentuk tangan seperti nomor urut calon.
report-what-ETIK_FOTO = Berfoto bersama bakal calon dengan gaya atau atribut yang mendukung
report-what-ETIK_FOTO-hint = Contoh: berfoto dengan bakal calon sambil memakai kaos atau simbol partai pengusungnya.
report-what-TIM_SEBELUM_PENETAPAN = Menjadi tim sukses, tim ahli, atau konsultan bakal calon
report-what-TIM_SEBELUM_PENETAPAN-hint = Contoh: duduk dalam tim pemenangan bakal calon sebelum KPU menetapkan pasangan calon.
report-what-TIM_SETELAH_PENETAPAN = Menjadi anggota tim kampanye, tim ahli, atau konsultan calon
report-what-TIM_SETELAH_PENETAPAN-hint = Contoh: namanya tercantum dalam tim kampanye pasangan calon yang didaftarkan ke KPU.
report-what-ANGGOTA_PARPOL = Menjadi anggota atau pengurus partai politik
report-what-ANGGOTA_PARPOL-hint = Contoh: namanya tercantum dalam susunan pengurus partai, atau ia memiliki kartu anggota partai.
report-what-DUKUNGAN_KTP = Memberi surat dukungan atau mengumpulkan fotokopi KTP untuk calon perseorangan
report-what-DUKUNGAN_KTP-hint = Contoh: meminta bawahan atau warga menyerahkan fotokopi KTP untuk calon jalur perseorangan.
report-what-ATRIBUT = Memasang spanduk, baliho, atau alat peraga kampanye calon
report-what-ATRIBUT-hint = Contoh: memasang baliho pasangan calon di pagar kantor atau rumah dinas.
report-what-ETIK_ATRIBUT = Memasang spanduk atau baliho bakal calon
report-what-ETIK_ATRIBUT-hint = Contoh: memasang spanduk bergambar tokoh yang akan maju, sebelum ia ditetapkan sebagai calon.
report-what-KEPUTUSAN_MENGUNTUNGKAN = Memakai jabatan, program, atau fasilitas kantor untuk menguntungkan atau merugikan calon
report-what-KEPUTUSAN_MENGUNTUNGKAN-hint = Contoh: memakai mobil dinas untuk kampanye, menyalurkan bantuan pemerintah atas nama calon, atau mengerahkan pegawai untuk mendukung calon.
report-what-CALON_TIDAK_MUNDUR = Mencalonkan diri tanpa mengundurkan diri sebagai ASN
report-what-CALON_TIDAK_MUNDUR-hint = Contoh: terdaftar sebagai calon anggota DPRD atau calon kepala daerah, tetapi masih bekerja sebagai ASN.
report-what-PENDEKATAN_PARPOL = Mendaftar ke partai atau mencari dukungan agar dicalonkan
report-what-PENDEKATAN_PARPOL-hint = Contoh: mendaftar sebagai bakal calon kepala daerah ke partai politik, atau mengumpulkan dukungan warga untuk maju lewat jalur perseorangan.
report-what-ETIK_KAMPANYE_PASANGAN = Mendampingi suami atau istri yang mencalonkan diri tanpa cuti di luar tanggungan negara (CLTN)
report-what-ETIK_KAMPANYE_PASANGAN-hint = Contoh: ikut berkampanye bersama suami yang maju sebagai calon bupati tanpa mengambil CLTN.
report-summary-label = Ceritakan kejadiannya
report-summary-hint = Siapa berbuat apa, kapan, di mana, dan siapa saja yang melihatnya. Tulis dengan kata-kata Anda sendiri.
report-who-heading = Siapa yang dilaporkan?
report-number-label = NIP atau NIK
report-number-hint = NIP: nomor pegawai, 18 angka. NIK: nomor KTP, 16 angka. Boleh memakai spasi.
report-unknown-summary = Saya tidak tahu NIP atau NIK-nya
report-unknown-intro = Tuliskan nama, jabatan, dan instansinya. Laporan tanpa NIP atau NIK tetap diterima, tetapi petugas harus mencocokkan orangnya lebih dulu, sehingga bisa lebih lama.
report-subject-name-label = Nama
report-subject-position-label = Jabatan
report-subject-agency-label = Instansi atau kantor
report-when-heading = Kapan dan di mana?
report-date-label = Tanggal kejadian
report-date-hint = Perkiraan juga boleh, tetapi tidak boleh tanggal yang akan datang.
report-place-label = Tempat
report-place-hint = Misalnya nama gedung, desa atau kelurahan, kecamatan, dan kabupaten atau kota.
report-links-label = Tautan ke unggahan
report-links-hint = Satu tautan per baris, paling banyak { $max }. Salin alamatnya dari peramban atau tombol "Bagikan".
report-election-legend = Dalam pemilihan apa?
report-election-pemilu = Pemilu (presiden, DPR, DPD, DPRD)
report-election-pilkada = Pilkada (gubernur, bupati, wali kota)
report-election-unknown = Tidak tahu
report-evidence-heading = Bukti
report-evidence-label = Foto, video, tangkapan layar, atau dokumen PDF
report-evidence-hint = Tidak wajib, tetapi sangat membantu. Paling banyak { $count } berkas, masing-masing paling besar { $size }.
report-evidence-again = Berkas yang tadi Anda pilih belum terkirim: lampirkan kembali berkas Anda sebelum mengirim.
report-identity-heading = Identitas Anda
report-identity-intro = Pilih seberapa banyak yang boleh diketahui tentang Anda.
report-mode-anonymous = Tanpa nama (anonim)
report-mode-anonymous-hint = Kami tidak menyimpan apa pun tentang Anda. Hanya kode tanda terima yang memungkinkan Anda mengikuti laporan ini; jika kode itu hilang, laporan tidak dapat Anda ikuti lagi.
report-mode-confidential = Rahasia
report-mode-confidential-hint = Nama dan kontak Anda disimpan terkunci (terenkripsi). Hanya petugas penjaga identitas yang boleh membukanya, dan setiap pembukaan dicatat.
report-mode-identified = Dengan nama
report-mode-identified-hint = Petugas yang menangani laporan boleh mengetahui nama Anda dan menghubungi Anda.
report-identity-fields-hint = Hanya untuk pilihan "Rahasia" atau "Dengan nama": nama Anda, dan nomor telepon atau email.
report-reporter-name-label = Nama Anda
report-reporter-phone-label = Nomor telepon atau WhatsApp
report-reporter-email-label = Email
report-honeypot-label = Jangan isi kolom ini
report-privacy-note = Setelah laporan terkirim, Anda mendapat nomor laporan dan kode tanda terima. Simpan keduanya: hanya dengan itu Anda dapat melihat perkembangan laporan dan membalas pesan petugas.
report-submit = Kirim laporan

## Pemeriksaan NIP/NIK
number-too-short = { $kind } harus { $expected } angka, baru { $got }.
number-too-long = { $kind } harus { $expected } angka, ini { $got } angka.
number-too-short-any = NIP harus 18 angka dan NIK 16 angka; nomor ini baru { $got } angka.
number-character = hanya angka dan spasi yang boleh; ada "{ $found }" pada urutan ke-{ $position }.
number-zero-serial = { $kind } dengan nomor urut nol tidak ada; periksa angka-angka terakhirnya.
number-nik-region = 6 angka pertama NIK bukan kode wilayah yang ada.
number-nik-birth = tanggal lahir dalam NIK (angka ke-7 sampai ke-12) bukan tanggal yang ada.
number-nip-birth = tanggal lahir dalam NIP (8 angka pertama, { $digits }) bukan tanggal yang ada.
number-nip-birth-year = tahun lahir dalam NIP ({ $year }) tidak mungkin.
number-nip-appointment = bulan atau tahun pengangkatan dalam NIP (angka ke-9 sampai ke-14) tidak mungkin.
number-nip-sex = angka ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan), bukan { $digit }.
number-invalid = nomor ini tidak sah.
number-check-found = Ditemukan di data kepegawaian: { $name }, { $position }, { $agency }.
number-check-found-note = Nama sengaja disamarkan. Pastikan jabatan dan instansinya sesuai dengan orang yang Anda maksud.
number-check-not-found = NIP ini tidak ditemukan di data kepegawaian; laporan tetap dapat dikirim.
number-check-nik = NIK ini sah. Petugas akan mencocokkannya dengan data kepegawaian; laporan tetap dapat dikirim.
number-check-limited = Terlalu banyak pemeriksaan nomor dari perangkat Anda. Laporan tetap dapat dikirim; nomornya diperiksa saat itu.

## Kesalahan pada formulir
form-errors-heading = Ada yang perlu diperbaiki
form-error = { $field }: { $message }
field-violations = Apa yang terjadi
field-summary = Ceritakan kejadiannya
field-subject_number = NIP atau NIK
field-subject_name = Nama terlapor
field-incident_date = Tanggal kejadian
field-place = Tempat
field-links = Tautan ke unggahan
field-election = Pemilihan
field-evidence = Bukti
field-reporter_mode = Identitas Anda
field-reporter_name = Nama Anda
field-reporter_phone = Nomor telepon
field-reporter_email = Email
field-body = Pesan
field-report_number = Nomor laporan
field-receipt_code = Kode tanda terima
form-missing = wajib diisi.
form-too-long = paling banyak { $max } huruf.
form-value-invalid = isinya tidak sah.
form-subject-missing = isi NIP atau NIK, atau (jika tidak tahu) nama orang yang dilaporkan.
form-subject-name-missing = tuliskan nama orang yang dilaporkan.
form-date-invalid = tanggal tidak dapat dibaca; pilih tanggal pada kalender.
form-date-future = { $date } belum terjadi; tanggal kejadian tidak boleh di masa depan.
form-date-no-rules = aturan netralitas yang dikenal sistem baru berlaku sejak { $since }; kejadian sebelum itu tidak dapat dilaporkan di sini.
form-links-too-many = paling banyak { $max } tautan; kirim sisanya sebagai tangkapan layar.
form-link-invalid = "{ $link }" bukan alamat web; tautan diawali https:// atau http://.
form-election-invalid = pilih Pemilu, Pilkada, atau Tidak tahu.
form-mode-invalid = pilih salah satu pilihan identitas.
form-contact-missing = isi nomor telepon atau email agar petugas dapat menghubungi Anda, atau pilih "Tanpa nama".
form-phone-invalid = nomor telepon hanya boleh berisi angka, spasi, +, -, dan tanda kurung.
form-email-invalid = alamat email tidak lengkap (contoh: nama@contoh.id).
form-files-too-many = paling banyak { $max } berkas.
form-file-too-large = berkas { $name } lebih dari { $size }.
form-file-wrong-type = berkas { $name } bukan gambar, PDF, atau video.
form-file-empty = berkas { $name } kosong.
form-reply-missing = tulis pesan atau lampirkan berkas.
form-invalid = Formulir ini tidak lengkap atau sudah diubah. Periksa isinya, lalu kirim lagi.
form-too-fast = Formulir terkirim hanya beberapa detik setelah dibuka. Periksa isinya, lalu kirim lagi.
form-expired = Formulir ini sudah terbuka lebih dari sehari. Periksa isinya, lalu kirim lagi.

## Tanda terima
receipt-title = Laporan diterima
receipt-heading = Terima kasih, laporan Anda sudah diterima
receipt-replayed = Laporan ini sudah diterima sebelumnya; berikut tanda terima yang sama.
receipt-number-label = Nomor laporan
receipt-code-label = Kode tanda terima
receipt-keep-title = Catat atau potret layar kode ini sekarang.
receipt-keep = Kode ini hanya ditampilkan sekali dan tidak dapat dipulihkan: kami tidak menyimpannya. Tanpa nomor laporan dan kode ini, Anda tidak dapat melihat perkembangan laporan atau membalas pesan petugas. Jangan berikan kode ini kepada orang lain.
receipt-next-heading = Apa selanjutnya?
receipt-next-received = Laporan Anda diperiksa kelengkapannya lalu diteruskan ke Satgas, paling lama { $duration }.
receipt-next-verification = Satgas memverifikasi laporan, paling lama { $duration }: apakah terlapor ASN, apakah ada bukti, dan apakah termasuk pelanggaran netralitas.
receipt-next-review = Jika lolos verifikasi, Bawaslu mengkajinya. Jika terbukti, rekomendasi sanksi dikirim ke pejabat pembina kepegawaian (PPK) terlapor.
receipt-next-status = Petugas mungkin meminta keterangan tambahan. Lihat perkembangan dan pesan petugas di halaman Cek status dengan nomor laporan dan kode tanda terima.
receipt-status-link = Buka halaman Cek status

## Cek status
status-title = Cek status laporan
status-heading = Cek status laporan
status-intro = Masukkan nomor laporan dan kode tanda terima yang Anda dapat saat melapor.
status-number-label = Nomor laporan
status-number-hint = Contoh: LAP-2024-000123
status-code-label = Kode tanda terima
status-code-hint = 20 huruf dan angka. Tanda hubung dan huruf kecil boleh.
status-submit = Lihat status
status-no-match = Nomor laporan atau kode tanda terima tidak cocok. Periksa kembali keduanya.
status-locked = Terlalu banyak percobaan kode yang salah untuk nomor laporan ini. Demi keamanan laporan, coba lagi setelah { $minutes } menit.
status-code-length = kode tanda terima terdiri dari 20 huruf dan angka; yang Anda ketik { $got }.
status-code-character = "{ $found }" tidak ada dalam kode tanda terima.
status-lost-code = Kode hilang? Kode tidak dapat dipulihkan karena kami tidak menyimpannya. Anda dapat membuat laporan baru dan menyebut laporan lama dalam ceritanya.
status-report-title = Laporan { $number }
status-report-heading = Laporan { $number }
status-stage-label = Tahap sekarang
status-deadline = Batas waktu tahap ini:
status-deadline-provisional = (perkiraan: hari libur tahun itu belum ditetapkan)
status-received = Laporan diterima:
status-files-heading = Berkas yang Anda kirim
status-files-none = Tidak ada berkas.
status-thread-heading = Pesan
status-thread-empty = Belum ada pesan.
status-author-reporter = Anda
status-author-handler = Petugas
status-message-at = { $date }, pukul { $time } WIB
status-reply-heading = Kirim pesan ke petugas
status-reply-label = Pesan
status-reply-hint = Keterangan tambahan, jawaban atas pertanyaan petugas, atau bukti baru.
status-reply-files-label = Lampiran
status-reply-submit = Kirim pesan
status-reply-sent = Pesan Anda sudah terkirim.
status-look-again = Untuk melihat jawaban petugas nanti, buka Cek status lagi dengan nomor laporan dan kode tanda terima Anda.
status-continues-under = Laporan Anda kini ditangani bersama perkara { $number }. Tahap perkara itu sekarang:

## Tahap perkara dalam kata-kata pelapor
citizen-state-received = Laporan diterima, menunggu diperiksa
citizen-state-verification = Sedang diverifikasi oleh Satgas
citizen-state-review = Sedang dikaji oleh Bawaslu
citizen-state-recommendation = Terbukti melanggar; rekomendasi sanksi sedang disusun
citizen-state-awaiting-follow-up = Rekomendasi sudah dikirim ke pejabat pembina kepegawaian (PPK), menunggu tindak lanjut
citizen-state-follow-up-refused = PPK menolak menindaklanjuti dengan alasan; pengawas sedang menilai alasannya
citizen-state-warned = PPK belum menindaklanjuti dan sudah diberi peringatan
citizen-state-data-blocked = PPK belum menindaklanjuti; data kepegawaian terlapor diblokir sampai sanksi dijatuhkan
citizen-state-sanctioned = Terbukti; sanksi telah dijatuhkan
citizen-state-appeal = Terlapor mengajukan keberatan atau banding atas sanksinya
citizen-state-closed = Selesai
citizen-state-rejected = Laporan tidak dapat ditindaklanjuti (misalnya terlapor bukan ASN, buktinya kurang, atau di luar kewenangan)
citizen-state-not-proven = Tidak terbukti melanggar
citizen-state-cancelled = Laporan dibatalkan
citizen-state-separated = Terlapor sudah tidak lagi menjadi ASN (pensiun, berhenti, atau diberhentikan)
citizen-state-merged = Laporan ini menyangkut kejadian yang sama dengan laporan lain dan digabung untuk ditangani bersama

## Ukuran berkas
size-bytes = { $n } byte
size-kb = { $n } KB
size-mb = { $n } MB

## Galat
error-not-found-title = Halaman tidak ditemukan
error-not-found-message = Halaman yang Anda cari tidak ada atau sudah dipindahkan. Periksa kembali alamatnya.
error-method-title = Permintaan tidak didukung
error-method-message = Halaman ini tidak dapat menerima permintaan seperti itu.
error-form-title = Formulir tidak dapat diterima
error-form-message = Formulir kedaluwarsa atau tidak sah, muat ulang halaman: buka kembali halaman formulirnya, lalu kirim lagi.
error-refused-title = Kiriman tidak dapat diterima
error-refused-message = Formulir ini tampaknya diisi oleh program otomatis, sehingga tidak kami simpan. Jika Anda mengisinya sendiri, buka kembali formulirnya dan kirim sekali lagi.
error-too-large-title = Kiriman terlalu besar
error-too-large-message = Ukuran seluruh berkas melebihi batas. Kirim lebih sedikit atau lebih kecil; bukti lainnya dapat dikirim nanti sebagai pesan di halaman Cek status.
error-too-many-title = Terlalu banyak permintaan
error-too-many-message = Terlalu banyak kiriman dari perangkat Anda dalam waktu singkat. Tunggu beberapa menit, lalu coba lagi.
error-bad-request-title = Kiriman tidak dapat dibaca
error-bad-request-message = Kiriman formulir tidak lengkap atau rusak. Buka kembali formulirnya, lalu coba lagi.
error-unavailable-title = Layanan sedang tidak tersedia
error-unavailable-message = Basis data sedang tidak dapat dijangkau. Silakan coba beberapa saat lagi.
error-internal-title = Terjadi kesalahan
error-internal-message = Terjadi kesalahan pada sistem. Petugas sudah dapat melihatnya di catatan sistem; silakan coba lagi nanti.
error-status = Kode status { $status }
error-home-link = Kembali ke beranda

## Kantor (back office): masuk, akun, daftar pegawai, pengguna
error-forbidden-title = Tidak berwenang
error-forbidden-message = Peran Anda tidak berwenang membuka halaman atau melakukan tindakan ini. Hubungi administrator jika Anda memerlukannya untuk tugas Anda.
role-verifier = Verifikator (Satgas)
role-reviewer = Pengkaji (Bawaslu)
role-decision-maker = Pejabat pemutus
role-ppk-liaison = Penghubung PPK
role-custodian = Penjaga identitas pelapor
role-analyst = Analis statistik
role-administrator = Administrator
sex-male = Laki-laki
sex-female = Perempuan
field-username = Nama pengguna
field-password = Kata sandi
field-code = Kode 6 angka
field-current_password = Kata sandi saat ini
field-new_password = Kata sandi baru
field-repeat_password = Ulangi kata sandi baru
field-display_name = Nama lengkap
field-email = Email
field-role = Peran
field-scope = Wilayah kerja
field-q = Cari NIP, NIK, atau nama
office-field-required = wajib diisi.
office-nav-label = Navigasi kantor
office-nav-home = Kantor
office-nav-roster = Data pegawai
office-nav-users = Pengguna
office-sign-out = Keluar
office-signed-in-as = Masuk sebagai { $name }, { $role }
office-scope-national = Nasional
office-scope-province = Provinsi { $name }
office-sign-in-title = Masuk
office-sign-in-heading = Masuk ke kantor Netral
office-sign-in-intro = Halaman ini khusus petugas. Pelapor tidak perlu masuk: gunakan halaman Cek status.
office-sign-in-submit = Masuk
office-sign-in-forgot = Lupa kata sandi? Minta administrator menyetel ulang; kata sandi tidak pernah dikirim lewat email.
office-sign-in-refused = Nama pengguna atau kata sandi salah.
office-sign-in-throttled = Terlalu banyak percobaan masuk yang gagal. Tunggu 15 menit, lalu coba lagi.
office-code-title = Kode verifikasi
office-code-heading = Masukkan kode dari aplikasi autentikator
office-code-intro = Buka aplikasi autentikator di ponsel Anda dan ketik kode 6 angka untuk Netral.
office-code-submit = Lanjutkan
office-code-wrong = kode salah atau sudah dipakai. Tunggu kode berikutnya di aplikasi, lalu coba lagi.
office-code-throttled = terlalu banyak kode salah. Tunggu 15 menit, lalu coba lagi.
office-enroll-title = Aktifkan verifikasi dua langkah
office-enroll-heading = Aktifkan verifikasi dua langkah
office-enroll-intro = Peran Anda memegang data yang sangat rahasia, sehingga setiap kali masuk diperlukan kode dari aplikasi autentikator di ponsel Anda selain kata sandi.
office-enroll-step-app = Pasang aplikasi autentikator (misalnya FreeOTP, Aegis, Google Authenticator, atau Microsoft Authenticator).
office-enroll-step-scan = Pindai kode QR ini dengan aplikasi tersebut.
office-enroll-secret = Tidak bisa memindai? Ketik kunci ini:
office-enroll-step-code = Ketik kode 6 angka yang muncul di aplikasi.
office-enroll-submit = Aktifkan
office-enroll-qr-label = Kode QR untuk aplikasi autentikator
office-password-title = Ganti kata sandi
office-password-heading = Ganti kata sandi
office-password-must-change = Kata sandi Anda dibuat oleh administrator. Buat kata sandi sendiri sebelum melanjutkan.
office-password-hint = Paling sedikit { $min } karakter. Kalimat pendek yang mudah Anda ingat lebih aman daripada kata yang rumit.
office-password-submit = Simpan kata sandi
office-password-mismatch = tidak sama dengan kata sandi baru.
office-password-wrong-current = salah.
office-password-too-short = terlalu pendek: paling sedikit { $min } karakter.
office-password-too-long = terlalu panjang: paling banyak 256 karakter.
office-password-has-username = tidak boleh memuat nama pengguna.
office-home-title = Kantor
office-home-heading = Kantor Netral
office-home-roster = cari aparatur sipil negara menurut NIP, NIK, atau nama, dalam wilayah kerja Anda.
office-home-users = buat akun, setel ulang kata sandi, dan nonaktifkan akun petugas.
office-roster-title = Data pegawai
office-roster-heading = Data aparatur sipil negara
office-roster-q-hint = Nama boleh diketik dengan atau tanpa gelar, sebagian saja, huruf besar atau kecil.
office-roster-agency = Instansi
office-roster-agency-all = Semua instansi dalam wilayah kerja Anda
office-roster-submit = Cari
office-roster-results = { $count ->
    [0] Tidak ada hasil
    [one] 1 hasil
   *[other] { $count } hasil
}
office-roster-more = Hanya { $limit } hasil pertama yang ditampilkan. Persempit pencarian dengan nama yang lebih lengkap atau pilih instansi.
office-roster-none = Tidak ada pegawai yang cocok dalam wilayah kerja Anda.
office-roster-back = ← Kembali ke pencarian
office-col-name = Nama
office-col-position = Jabatan
office-col-agency = Instansi
office-col-case = Nomor perkara
office-col-state = Tahap
office-col-opened = Dibuka
office-col-status = Status
office-col-actions = Tindakan
office-record-nip-lama = NIP lama
office-record-given-name = Nama tanpa gelar
office-record-titles = Gelar
office-record-birth = Tempat, tanggal lahir
office-record-sex = Jenis kelamin
office-record-type = Jenis pegawai
office-record-unit = Unit kerja
office-record-eselon = eselon
office-record-rank = Golongan/ruang
office-record-cases = Riwayat perkara
office-record-no-cases = Belum ada perkara tentang pegawai ini.
office-users-title = Pengguna
office-users-heading = Akun petugas
office-users-issued = Kata sandi sementara untuk { $username }:
office-users-issued-once = Serahkan langsung kepada yang bersangkutan. Kata sandi ini hanya ditampilkan sekali dan harus diganti saat pertama kali masuk.
office-users-disabled = Nonaktif
office-users-active = Aktif
office-users-2fa = dua langkah
office-users-reset = Setel ulang kata sandi
office-users-reset-2fa = Setel ulang aplikasi autentikator
office-users-disable = Nonaktifkan
office-users-enable = Aktifkan
office-users-new = Akun baru
office-users-username-hint = 3–64 huruf kecil, angka, titik, tanda hubung, atau garis bawah, misalnya siti.rahma.
office-users-scope-province = Satu provinsi
office-users-scope-agency = Satu instansi
office-users-create = Buat akun
office-users-taken = sudah dipakai akun lain.
office-users-bad-name = hanya boleh huruf kecil, angka, titik, tanda hubung, atau garis bawah, 3–64 karakter.
office-users-unknown-agency = instansi tidak dikenal.
office-users-unknown-province = provinsi tidak dikenal.
office-users-scope-missing = pilih nasional, satu provinsi, atau satu instansi.
field-file = Berkas
office-nav-imports = Impor data
office-home-imports = unggah ekspor data pegawai dari SIASN dan pantau kemajuannya.
office-import-title = Impor data pegawai
office-import-heading = Impor data pegawai
office-import-intro = Unggah ekspor data pegawai dari SIASN (CSV atau XLSX). Baris yang benar langsung disimpan; baris yang salah dicatat dalam laporan yang dapat diunduh, lengkap dengan nomor baris dan kolomnya. Mengimpor berkas yang sama lagi memperbarui data, tidak menggandakannya.
office-import-file-hint = CSV (koma, titik koma, atau tab) atau XLSX, dengan judul kolom seperti ekspor SIASN (nipBaru, nama, instansiIndukNama, …). Instansi harus sudah terdaftar.
office-import-submit = Unggah dan impor
office-import-no-file = pilih berkas yang akan diimpor.
office-import-recent = Impor terakhir
office-import-none = Belum ada impor.
office-import-col-file = Berkas
office-import-col-by = Oleh
office-import-col-rows = Baris dibaca
office-import-status = { $status ->
    [queued] Menunggu giliran
    [running] Sedang berjalan
    [done] Selesai
   *[failed] Gagal
}
office-import-back = ← Kembali ke daftar impor
office-import-run-heading = Impor { $file }
office-import-progress-label = Kemajuan impor
office-import-rows-read = { $rows } baris dibaca ({ $percent } % berkas).
office-import-inserted = Pegawai baru
office-import-updated = Data diperbarui
office-import-unchanged = Tidak berubah
office-import-rejected = Baris ditolak
office-import-download-report = Unduh laporan baris yang ditolak (CSV)
office-import-failed = Impor berhenti: { $error }
office-nav-cases = Perkara
office-home-cases = antrean kerja: laporan baru, tenggat dekat, terlambat, menunggu PPK, eskalasi.
office-queues-label = Antrean
office-queue-mine = Perkara saya
office-queue-new = Baru
office-queue-due-soon = Tenggat dekat
office-queue-overdue = Terlambat
office-queue-awaiting-ppk = Menunggu PPK
office-queue-escalated = Eskalasi
office-queue-open = Semua yang berjalan
office-queue-all = Semua
office-cases-title = Perkara
office-cases-heading = Perkara
office-cases-q = Cari nomor perkara atau laporan, NIP, atau nama
office-cases-any-state = Semua tahap
office-cases-election = Pemilihan
office-cases-deadline = Tenggat
office-cases-subject = Terlapor
office-cases-overdue = terlambat
office-cases-unlinked = belum dikaitkan dengan data pegawai
office-cases-none = Tidak ada perkara dalam antrean ini.
office-cases-more = Hanya { $limit } perkara pertama yang ditampilkan; persempit dengan pencarian atau saringan.
office-cases-assignee = Penangan
office-cases-assignee-anyone = Siapa saja
office-cases-assignee-me = Saya
office-cases-assignee-nobody = Belum ditangani
office-case-back = ← Kembali ke antrean
office-case-deadline = tenggat
office-case-provisional = (sementara: kalender libur belum lengkap)
office-case-rules = Aturan yang berlaku
office-case-violations = Pelanggaran terbukti
office-case-sanction = Sanksi
office-case-reports = Laporan
office-case-received = Diterima
office-case-channel = melalui
office-case-reported-subject = Terlapor menurut pelapor
office-case-hints = Dugaan pelanggaran menurut pelapor
office-case-reporter = Pelapor
office-case-evidence = Bukti
office-case-no-evidence = Tidak ada berkas bukti.
office-case-messages = Pesan
office-case-internal = catatan internal
office-case-from-duplicate = dari perkara yang digabung
office-case-decide = Keputusan pada tahap ini
office-case-timeline = Riwayat
office-event-opened = Laporan diterima
office-action-start-verification = Mulai verifikasi
office-action-pass-verification = Lolos verifikasi, teruskan ke kajian
office-action-reject = Tolak laporan
office-action-cancel = Batalkan
office-action-mark-separated = Terlapor sudah bukan ASN
office-action-pause-clock = Hentikan sementara tenggat
office-action-resume-clock = Lanjutkan tenggat
office-action-find-violation = Terbukti melanggar
office-action-find-not-proven = Tidak terbukti
office-action-issue-recommendation = Terbitkan rekomendasi kepada PPK
office-action-record-follow-up = Catat tindak lanjut PPK
office-action-record-refusal = Catat penolakan PPK
office-action-warn = Kirim peringatan kepada PPK
office-action-block-data = Minta blokir data kepegawaian
office-action-unblock = PPK bertindak: buka blokir
office-action-file-appeal = Catat keberatan atau banding
office-action-decide-appeal = Catat putusan keberatan/banding
office-action-close = Tutup perkara
office-action-assign = Penugasan
office-action-link-subject = Terlapor dikaitkan dengan data pegawai
office-action-merge-into = Digabung ke perkara lain
office-field-note = Alasan atau catatan
office-field-reason = Alasan
office-field-separation = Sebab berhenti
office-field-violations = Pelanggaran yang terbukti
office-field-letter-number = Nomor surat
office-field-sanction = Sanksi
office-field-override-reason = Alasan memilih sanksi lain dari saran aturan
office-field-decree-number = Nomor keputusan
office-field-decree-date = Tanggal keputusan
office-field-request-number = Nomor surat permintaan blokir
office-field-kind = Jenis
office-field-filed-on = Tanggal diajukan
office-field-outcome = Putusan
office-field-changed-sanction = Sanksi pengganti (jika diubah)
office-field-nip = NIP
office-field-into = Nomor perkara tujuan
office-field-to = Petugas
office-choice-not-an-asn = Bukan ASN
office-choice-no-evidence = Tanpa bukti
office-choice-out-of-scope = Di luar kewenangan
office-choice-duplicate = Laporan ganda
office-choice-retired = Pensiun
office-choice-dismissed = Diberhentikan
office-choice-resigned = Mengundurkan diri
office-choice-died = Meninggal dunia
office-choice-objection = Keberatan
office-choice-administrative-appeal = Banding administratif (BPASN)
office-choice-upheld = Sanksi dikuatkan
office-choice-changed = Sanksi diubah
office-choice-annulled = Sanksi dibatalkan
office-action-not-now = Tindakan ini tidak dapat dilakukan oleh peran Anda pada tahap perkara sekarang. Muat ulang halaman untuk melihat keadaan terbaru.
office-action-conflict = Perkara ini baru saja diubah oleh petugas lain. Periksa riwayatnya di bawah, lalu putuskan lagi bila masih perlu.
office-action-unreadable = Formulir tidak dapat dibaca; muat ulang halaman lalu coba lagi.
office-action-field-unreadable = { $field }: isian tidak dapat dibaca, periksa lagi.
office-action-required = { $field }: wajib diisi.
office-action-too-long = { $field }: paling banyak { $max } karakter.
office-action-unknown-code = { $field }: kode { $code } tidak ada dalam aturan perkara ini atau tercantum dua kali.
office-action-override-needed = Aturan menyarankan sanksi { $suggested }. Untuk memilih sanksi lain, tulis alasannya.
office-action-future-date = { $field }: tanggal tidak boleh di masa depan.
office-action-deadline-not-passed = Tenggat PPK ({ $due }) belum lewat; peringatan baru dapat dikirim setelahnya.

## Meja perkara: penugasan, terlapor, laporan ganda
office-desk-heading = Penanganan
office-desk-open = Buka penanganan perkara (penugasan, terlapor, laporan ganda)
office-desk-back = Kembali ke perkara { $number }
office-desk-merged-into = Perkara ini sudah digabung, sebagai laporan ganda, ke perkara
office-desk-assignee = Ditangani oleh
office-desk-you = Anda
office-desk-unassigned = Belum ada yang menangani
office-desk-take = Ambil
office-desk-assign-to = Tugaskan kepada
office-desk-assign = Tugaskan
office-desk-link-heading = Kaitkan terlapor dengan data pegawai
office-desk-relink-heading = Perbaiki terlapor
office-desk-link-hint = NIP yang ditulis pelapor tidak ditemukan dalam data pegawai. Cari terlapor dengan NIP, NIK, atau nama; perkara akan masuk ke instansinya.
office-desk-relink-hint = Perkara ini terkait dengan NIP { $nip }. Bila keliru, cari orang yang benar dan tulis alasannya; perubahan tercatat dalam riwayat.
office-desk-reported-nips = NIP yang ditulis pelapor:
office-desk-search = Cari dengan NIP, NIK, atau nama
office-desk-relink-reason = Alasan perbaikan
office-desk-link = Kaitkan dengan { $name }
office-desk-merged-from = Laporan ganda yang digabung ke perkara ini
office-desk-duplicates-heading = Kemungkinan laporan ganda
office-desk-duplicates-hint = Perkara berjalan tentang terlapor yang sama atau NIP yang sama, dengan tanggal kejadian berselisih paling lama { $days } hari.
office-desk-duplicates-none = Tidak ada perkara berjalan yang tampak sebagai laporan ganda.
office-desk-merge-here = Gabungkan { $number } ke perkara ini
office-desk-merge-there = Gabungkan perkara ini ke { $number }
office-desk-merge-away = Gabungkan perkara ini ke perkara lain
office-work-finished = Perkara { $number } sudah selesai; tidak ada lagi yang dapat diubah.
office-work-not-lead = Hanya { $role } yang dapat menugaskan perkara pada tahap ini kepada petugas lain. Anda dapat mengambil perkara yang belum ditangani.
office-work-taken = Perkara ini sudah diambil oleh { $user }. Hanya { $role } yang dapat mengalihkannya.
office-work-unknown-assignee = Tidak ada akun aktif bernama { $user }.
office-work-assignee-out-of-scope = Wilayah tugas { $user } tidak mencakup perkara ini.
office-work-assignee-cannot-handle = Perkara pada tahap ini tidak ditangani oleh { $role }. Pilih petugas yang menangani tahap ini.
office-work-assignment-changed = Penangan perkara ini baru saja diubah oleh petugas lain. Periksa lagi, lalu coba kembali bila masih perlu.
office-work-already-assigned = Perkara ini sudah ditangani oleh { $user }.
office-work-assignee-would-lose = Perkara ini ditangani oleh { $user }, yang wilayah tugasnya tidak mencakup instansi baru. Alihkan penanganannya lebih dulu.
office-work-subject-not-found = Tidak ada pegawai dengan NIP { $nip } dalam data pegawai wilayah Anda. Bila terlapor bekerja di wilayah lain, perkara harus dikaitkan oleh petugas yang wilayahnya mencakup instansi itu.
office-work-subject-changed = Terlapor perkara ini baru saja diubah oleh petugas lain. Periksa lagi, lalu coba kembali bila masih perlu.
office-work-already-linked = Perkara ini sudah terkait dengan NIP { $nip }.
office-work-merge-itself = Perkara tidak dapat digabung ke dirinya sendiri.
office-work-merge-not-found = Tidak ada perkara { $number } dalam wilayah Anda.
office-work-merge-subjects-differ = Perkara { $duplicate } menyangkut pegawai yang berbeda dengan perkara { $into }. Bila orangnya sama, perbaiki terlapornya lebih dulu.
office-work-merge-across-scopes = Perkara { $duplicate } berada di instansi lain daripada perkara { $into }. Kaitkan perkara { $into } dengan terlapor yang sama lebih dulu.
office-work-merge-too-late = Perkara ini sudah dikaji pokok perkaranya; laporan ganda hanya dapat digabung sebelum itu.

## Kantor: akun media sosial yang dilaporkan, daftar instansi, pegawai per instansi.
office-nav-agencies = Instansi
office-record-accounts = Akun media sosial yang dilaporkan
office-record-no-accounts = Pegawai ini belum melaporkan akun media sosial.
office-col-platform = Platform
office-col-handle = Akun
office-col-declared = Tanggal lapor
office-roster-agency-list = Pegawai { $agency }
office-roster-page = Halaman { $page }
office-page-previous = ← Sebelumnya
office-page-next = Berikutnya →
office-agencies-title = Instansi
office-agencies-heading = Instansi dalam wilayah kerja Anda
office-agencies-name = Nama instansi
office-agencies-kind = Jenis
office-agencies-kind-all = Semua jenis
office-agencies-election = Pakta integritas untuk
office-agencies-election-none = Pakta tanpa pemilihan tertentu
office-agencies-submit = Tampilkan
office-agencies-count = { $count ->
    [0] Tidak ada instansi yang cocok.
   *[other] { $count } instansi · halaman { $page } dari { $pages }
}
office-col-region = Wilayah
office-col-ppk = PPK
office-col-roster = Pegawai
office-col-coverage = Cakupan pakta
office-agencies-share = { $percent }%
office-agencies-agency-pact = pakta instansi
office-agencies-no-roster = belum ada data pegawai
platform-facebook = Facebook
platform-instagram = Instagram
platform-x = X (Twitter)
platform-tiktok = TikTok
platform-youtube = YouTube
platform-threads = Threads
platform-linkedin = LinkedIn
platform-whatsapp-channel = Saluran WhatsApp
platform-other = Lainnya
agency-kind-central = Pusat
agency-kind-province = Provinsi
agency-kind-regency = Kabupaten
agency-kind-city = Kota
office-reporter-mode = { $mode ->
    [anonymous] Anonim
    [confidential] Rahasia (identitas tersegel)
   *[identified] Dengan identitas (tersegel)
}
office-reveal-open = Buka identitas pelapor
office-reveal-reason = Alasan membuka identitas
office-reveal-hint = Setiap pembukaan dicatat bersama nama Anda dan alasannya, dan dapat diperiksa auditor.
office-reveal-submit = Buka identitas
office-reveal-reason-short = Alasan membuka identitas terlalu singkat: paling sedikit { $min } karakter, karena alasan inilah yang dibaca auditor.
office-reveal-title = Identitas pelapor
office-reveal-heading = Identitas pelapor laporan { $report }
office-reveal-recorded = Pembukaan ini telah dicatat dengan nama Anda, waktu, dan alasannya. Jangan menyalin identitas ke tempat lain.
office-reveal-anonymous = Laporan ini anonim: tidak ada identitas yang tersimpan.
office-reveal-back = ← Kembali ke perkara { $number }
office-message-label = Pesan
office-message-hint = Tanpa centang di bawah, pesan dapat dibaca pelapor di halaman Cek status.
office-message-internal = Catatan internal (hanya untuk petugas)
office-message-send = Kirim pesan
office-message-length = Pesan harus berisi 1 sampai { $max } karakter.

## Personal API tokens (/kantor/akun/token)
office-tokens-title = Token API
office-tokens-heading = Token API pribadi
office-tokens-intro = Program Anda dapat memakai API JSON Netral dengan token pribadi, dengan peran dan wilayah kerja akun Anda. Kirim token di tajuk Authorization: Bearer. Cabut token yang tidak dipakai lagi.
office-tokens-docs = Dokumentasi API
office-tokens-issued = Token "{ $name }" dibuat, berlaku sampai { $expires }:
office-tokens-issued-once = Salin sekarang dan simpan di tempat aman: token ini hanya ditampilkan sekali. Siapa pun yang memegangnya bertindak atas nama Anda.
office-tokens-col-created = Dibuat
office-tokens-col-expires = Berlaku sampai
office-tokens-col-used = Terakhir dipakai
office-tokens-never-used = belum pernah
office-tokens-status-live = Aktif
office-tokens-status-expired = Kedaluwarsa
office-tokens-status-revoked = Dicabut
office-tokens-revoke = Cabut
office-tokens-none = Anda belum punya token.
office-tokens-new = Token baru
office-tokens-name-hint = Program atau keperluan yang memegang token ini, misalnya "rekap harian Bawaslu Jabar".
office-tokens-days = { $days } hari
office-tokens-create = Buat token
office-tokens-name-too-long = terlalu panjang: paling banyak { $max } karakter.
office-tokens-too-many = sudah ada { $max } token aktif. Cabut salah satu dulu.
office-home-tokens = token untuk program yang memakai API JSON atas nama Anda.
field-token_name = Nama token
field-lifetime = Masa berlaku

## Mail sent by the worker (subjects and bodies; Indonesian and English go in one message)
mail-subject-reminder = Pengingat tenggat kasus { $case }
mail-body-reminder = Kasus { $case } pada tahap "{ $stage }" harus ditangani paling lambat { $due }. Silakan buka kasus ini di kantor Netral.
mail-subject-overdue = Tenggat kasus { $case } terlewati
mail-body-overdue = Tenggat kasus { $case } pada tahap "{ $stage }" jatuh pada { $due } dan sudah terlewati. Mohon segera ditangani di kantor Netral.
mail-subject-recommendation-arrived = Rekomendasi untuk ditindaklanjuti: kasus { $case }
mail-body-recommendation-arrived = Rekomendasi sanksi untuk kasus { $case } telah diterbitkan dan menunggu tindak lanjut pejabat pembina kepegawaian (PPK). Silakan buka kasus ini di kantor Netral untuk mencatat tindak lanjutnya.
mail-subject-stage-changed = Perkembangan laporan { $report }
mail-body-stage-changed = Laporan Anda { $report } kini berada pada tahap: { $stage }. Anda dapat melihat statusnya di halaman Cek status dengan nomor laporan dan kode tanda terima Anda.
mail-footer = Surel ini dikirim otomatis oleh Netral; mohon tidak membalasnya.

office-nav-audit = Log audit
office-nav-outbox = Kotak keluar surel
office-audit-title = Log audit
office-audit-heading = Log audit
office-audit-intro = Setiap peristiwa perkara, setiap kali identitas pelapor dibuka, dan setiap perubahan akun tercatat di sini sebagai rantai hash: entri yang diubah, disisipkan, atau dihapus di luar sistem memutus rantai sejak titik itu.
office-audit-check = Periksa seluruh rantai
office-audit-export = Unduh semua ({ $format })
office-audit-intact = Rantai utuh: { $entries } entri diperiksa, tidak ada yang putus.
office-audit-last-hash = Hash entri terakhir (simpan di tempat lain untuk pemeriksaan berikutnya):
office-audit-checked = { $entries } entri diperiksa.
office-audit-broken = { $kind ->
    [missing] Rantai putus di entri { $seq }: entri { $seq } sampai { $last } tidak ada (dihapus?).
    [wrong_link] Rantai putus di entri { $seq }: entri ini tidak tersambung ke entri sebelumnya (entri itu ditulis ulang, atau entri ini disisipkan?).
    [wrong_hash] Rantai putus di entri { $seq }: isinya tidak cocok dengan hash-nya (diubah setelah ditulis?).
   *[unreadable] Rantai putus di entri { $seq }: entri ini tidak dapat dibaca.
}
office-audit-entries = Entri terbaru
office-audit-col-seq = No.
office-audit-col-at = Waktu
office-audit-col-actor = Pelaku
office-audit-col-action = Tindakan
office-audit-col-subject = Tentang
office-audit-col-details = Rincian
office-audit-older = Entri yang lebih lama
office-audit-none = Log audit masih kosong.
office-outbox-title = Kotak keluar surel
office-outbox-heading = Kotak keluar surel
office-outbox-intro = { $limit } pesan terbaru: yang sudah terkirim, yang menunggu dicoba lagi, dan yang sudah menyerah. Alamat dan isi pemberitahuan untuk pelapor tidak ditampilkan.
office-outbox-col-created = Dibuat
office-outbox-col-kind = Jenis
office-outbox-col-to = Kepada
office-outbox-col-case = Perkara
office-outbox-col-attempts = Percobaan
office-outbox-col-at = Waktu
office-outbox-col-outcome = Hasil
office-outbox-col-response = Jawaban server
office-outbox-kind = { $kind ->
    [reminder] Pengingat tenggat
    [overdue] Pemberitahuan lewat tenggat
    [recommendation_arrived] Rekomendasi untuk PPK
   *[stage_changed] Pemberitahuan tahap kepada pelapor
}
office-outbox-status = { $status ->
    [sent] Terkirim
    [queued] Menunggu
    [failed] Gagal (menyerah)
   *[skipped] Dilewati
}
office-outbox-outcome = { $outcome ->
    [sent] Diterima server
   *[failed] Gagal
}
office-outbox-to-reporter = pelapor (alamat tersegel)
office-outbox-none = Belum ada surel.
office-outbox-mail-title = Surel
office-outbox-back = ← Kotak keluar
office-outbox-content = Isi
office-outbox-reporter-hidden = Isi pemberitahuan kepada pelapor tidak ditampilkan, agar pelapor tidak dapat dikaitkan dengan perkaranya.
office-outbox-attempts = Riwayat pengiriman
office-outbox-no-attempts = Belum ada percobaan pengiriman.
