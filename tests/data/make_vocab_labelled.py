"""Build tests/data/vocab_labelled.csv: damaged strings with the vocabulary entry they mean.

Three parts, all reproducible (seeded random, no network):

1. synthetic OCR damage applied to canonical texts (and a few variants) of every field:
   rn<->m, l/1/I, e/c, h/b, o/0, u/n, cl/d, dropped and doubled letters, split and joined
   words, lost punctuation, case changes;
2. real damaged strings copied from the seeds in /work/shared/seeds (expected entry by its
   canonical or variant text, resolved to the id here so renumbering cannot silently break the file);
3. junk that must match nothing: real junk from the seeds plus plausible Indonesian
   non-KPU phrases, each tried against every field.

Run:  .venv/bin/python tests/data/make_vocab_labelled.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from kpu_extract.normalize.vocabulary import FILES

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
VOCAB = ROOT / "src" / "kpu_extract" / "normalize" / "vocabulary"
OUT = HERE / "vocab_labelled.csv"
SEED = 20240917

# how many synthetic strings per field (entries are sampled with replacement when fewer)
N_SYNTH = {"satker": 90, "program": 12, "pelaksana": 50, "sasaran": 70, "indikator": 70, "kegiatan": 110}

# ---------------------------------------------------------------- real damaged strings (seeds)
# (field, raw as printed in the seed, canonical text it means)
REAL = [
    ("pelaksana", "Subag Rendatin", "Subbagian Perencanaan, Data dan Informasi"),
    ("pelaksana", "Subag Hukum & SDM", "Subbagian Hukum dan Sumber Daya Manusia"),
    ("pelaksana", "Subag Teknis", "Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat"),
    ("pelaksana", "Sub. Bag Hukum", "Subbagian Hukum dan Sumber Daya Manusia"),
    ("pelaksana", "Sub. Bag Teknis", "Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat"),
    ("pelaksana", "Subag KUL", "Subbagian Keuangan, Umum dan Logistik"),
    ("pelaksana", "Sub Bagian Keuangan, Umum dan Logistik", "Subbagian Keuangan, Umum dan Logistik"),
    ("pelaksana", "Subbagian Hukum Dan Sumber Daya Manusia", "Subbagian Hukum dan Sumber Daya Manusia"),
    ("pelaksana", "Subbagian Tahap Penyelenggaraan Pemilu, Partisipasi Dan Hubungan Masyarakat", "Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat"),
    ("pelaksana", "Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi Dan Hubungan Masyarakat", "Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat"),
    ("pelaksana", "Divisi Perencanaan Data dan Informasi", "Divisi Perencanaan, Data dan Informasi"),
    ("pelaksana", "Divisi Keuangan, Umum, Rumah Tangga, dan Logistik", "Divisi Keuangan, Umum, Rumah Tangga dan Logistik"),
    ("pelaksana", "Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat, dan Sumber Daya Manusia", "Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat dan Sumber Daya Manusia"),
    ("pelaksana", "Divisi Teknis dan Penyelenggaraan", "Divisi Teknis Penyelenggaraan"),
    ("pelaksana", "Divisi Perencanaan, Data, dan Informasi", "Divisi Perencanaan, Data dan Informasi"),
    ("pelaksana", "Sub. Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Humas", "Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat"),
    ("pelaksana", "Sub Bagian Perencanaan, Data dan Informasi", "Subbagian Perencanaan, Data dan Informasi"),
    ("pelaksana", "Sub Bagian Hukum dan Sumber Daya Manusia", "Subbagian Hukum dan Sumber Daya Manusia"),
    ("pelaksana", "Semua Divisi", "Semua Divisi"),
    ("satker", "Komisi Pemilihan Umum Kabupaten Serang", "KPU Kabupaten Serang"),
    ("satker", "KOMISI PEMILIHAN UMUM KABUPATEN SERANG", "KPU Kabupaten Serang"),
    ("satker", "Komisi Pemilihan Umum Kabupaten Tabanan", "KPU Kabupaten Tabanan"),
    ("satker", "KPO KOTA SERANG", "KPU Kota Serang"),
    ("satker", "KEMISI PEMILIHAN UMUM KOTA SERANG", "KPU Kota Serang"),
    ("satker", "KPU KOTA SERANG", "KPU Kota Serang"),
    ("satker", "KPD Kota Serang", "KPU Kota Serang"),
    ("satker", "KPU Provinsi Banten", "KPU Provinsi Banten"),
    ("program", "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi.", "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi"),
    ("program", "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi (076.01.CQ)", "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi"),
    ("program", "Program Dukungan Manajemen (076.01.WA)", "Program Dukungan Manajemen"),
    ("program", "Penyelenggaraan Pemilu Dalam Proses Konsolidasi Demokrasi", "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi"),
    ("program", "Program Dukungan Manajemen (076.WA)", "Program Dukungan Manajemen"),
    ("sasaran", "Tewujudnya Dukungan Sarana dan Prasarana guna Meningkatkan Kefasanaan Tugas KPU", "Terwujudnya Dukungan Sarana dan Prasarana guna Meningkatkan Kelancaran Tugas KPU"),
    ("sasaran", "Terselesaikannya permasalahan permasalahan pengelolaan keuangan", "Terselesaikannya permasalahan pengelolaan keuangan"),
    ("sasaran", "Terselealkannya permasalahan pengelolaan keuangan", "Terselesaikannya permasalahan pengelolaan keuangan"),
    ("sasaran", "Meningkatnya terbit administrasi dan pengelolaan sumber daya manusia", "Meningkatnya tertib administrasi dan pengelolaan sumber daya manusia"),
    ("sasaran", "Pembentukan Badan Penyelenggara Adhok", "Pembentukan Badan Penyelenggara Adhoc"),
    ("sasaran", "Tewujudnya Penyelenggaraan Baring Milk Negara sesuai dengan Peraturan dan Perundangan yang berlaku", "Terwujudnya Pengelolaan Barang Milik Negara sesuai dengan Peraturan dan Perundangan yang berlaku"),
    ("sasaran", "Tertindakannya fasilitasi pelayanan penyusunan laporan dan audit dana kampanye, verifikasi partai politik dan/atau anggota perencanaan DPD", "Terlaksananya fasilitasi pelayanan penyusunan laporan dan audit dana kampanye, verifikasi partai politik dan/atau anggota perseorangan DPD"),
    ("sasaran", "Terlaksananya pengelolaan dan pelayanan informasi hukum dengan mengunggah pada laman JDIIH KPU Kota Serang", "Terlaksananya pengelolaan dan pelayanan informasi hukum dengan mengunggah pada laman JDIH KPU Kota Serang"),
    ("sasaran", "Terlaksananya pengelolaan dan pelayanan informasi hukum dengan mengintegrasikan pada laman JDDH KPU Kota Serang", "Terlaksananya pengelolaan dan pelayanan informasi hukum dengan mengunggah pada laman JDIH KPU Kota Serang"),
    ("sasaran", "Terwujudnya Data Pemilih secara Berkelanjutan", "Terwujudnya Data Pemilih Secara Berkelanjutan"),
    ("sasaran", "Terwujudnya Data Pemilik secara Berkelanjutan", "Terwujudnya Data Pemilih Secara Berkelanjutan"),
    ("sasaran", "Terwujudnya Perencanaan Anggaran dan Akuntabilitas Kinerja KPU Kota Serang", "Terwujudnya Perencanaan Anggaran dan Akuntabilitas Kinerja KPU Kota Serang"),
    ("sasaran", "Terwujudnya Peningkatan Kualitas dan Akuntabilitas Kinerja BPK Kota Serang", "Terwujudnya Perencanaan Anggaran dan Akuntabilitas Kinerja KPU Kota Serang"),
    ("sasaran", "Terwujudnya dukungan sarana dan prasarana guna meningkatkan pelayanan tugas KPU", "Terwujudnya Dukungan Sarana dan Prasarana guna Meningkatkan Kelancaran Tugas KPU"),
    ("sasaran", "Meningkatnya kualitas layanan informasi dan data yang tepat serta akurat", "Meningkatnya kualitas layanan informasi dan data yang cepat serta akurat"),
    ("sasaran", "Meningkatnya kualitas layanan informasi dan data yang sesuai serta akurat", "Meningkatnya kualitas layanan informasi dan data yang cepat serta akurat"),
    ("sasaran", "Terselesaikannya permasalahan pengelolaan keuangan", "Terselesaikannya permasalahan pengelolaan keuangan"),
    ("sasaran", "Tersedianya data, informasi, sarana dan prasarana teknologi informasi serta penerapan egovernment KPU", "Tersedianya data, informasi, sarana dan prasarana teknologi informasi serta penerapan egovernment KPU"),
    ("sasaran", "Terwujudnya Reformasi Birokrasi di KPU Kota Serang", "Terwujudnya Reformasi Birokrasi di KPU Kota Serang"),
    ("sasaran", "Tercapainya Reformasi Birokrasi di KPU Kota Serang", "Terwujudnya Reformasi Birokrasi di KPU Kota Serang"),
    ("sasaran", "Tercapainya Data Pemilih secara Berkelanjutan", "Terwujudnya Data Pemilih Secara Berkelanjutan"),
    ("sasaran", "Terwujudnya Penyelenggaraan Pemilu/Pemilihan Sesuai Jadwal", "Terwujudnya Penyelenggaraan Pemilu / Pemilihan Sesuai Jadwal"),
    ("indikator", "Persentase informasi dan publikasi thapan Pemilu/Pemilihan yang ditampilkan di media publikasi KPU paling lambat 1 (satu) hari kerja", "Persentase informasi dan publikasi tahapan Pemilu/Pemilihan yang ditampilkan di media publikasi KPU paling lambat 1 (satu) hari kerja"),
    ("indikator", "Persentase informasi dan publikasi tahapan pemilu/pemilihan yang ditampilkan di media publikasi KPU paling lambat 1 (satu) hari kerja", "Persentase informasi dan publikasi tahapan Pemilu/Pemilihan yang ditampilkan di media publikasi KPU paling lambat 1 (satu) hari kerja"),
    ("indikator", "Persentase informasi dan publikasi tahapan Pemilu/Pemilihan yang ditayangkan di media publikasi KPU ping lembar 1 (satu) hari kerja", "Persentase informasi dan publikasi tahapan Pemilu/Pemilihan yang ditampilkan di media publikasi KPU paling lambat 1 (satu) hari kerja"),
    ("indikator", "Persentase ketetapan waktu KPU Kabupaten Serang dalam Pemutakhiran Data Pemilih", "Persentase ketepatan waktu KPU Kabupaten Serang dalam Pemutakhiran Data Pemilih"),
    ("indikator", "Perentase KPU Kabupaten Tabanan menyelenggarakan Pemilu/Pemilihan sesuai dengan jadwal dan serentutan yang berlaku", "Persentase KPU Kabupaten Tabanan menyelenggarakan Pemilu/Pemilihan sesuai dengan jadwal dan ketentuan yang berlaku"),
    ("indikator", "Presentase pembuatan keputusan KPU Kota Serang terkait tahapan pemilu/pemilihan yang tersusun secara rapih", "Persentase pembuatan keputusan KPU Kota Serang terkait tahapan pemilu/pemilihan yang tersusun secara rapih"),
    ("indikator", "Jumlah dokumen SOP atau petunjuk teknis untuk pelaporan Dana Kampanye, Verifikasi Partai Politik dan/atau syarat dukungan Calon perseorangan yang disusun sesuai dengan tahapan Pemilu/", "Jumlah dokumen SOP atau petunjuk teknis untuk pelaporan Dana Kampanye, Verifikasi Partai Politik dan/atau syarat dukungan Calon perseorangan yang disusun sesuai dengan tahapan Pemilu/Pemilihan"),
    ("indikator", "Jumlah dokumen SOP atau petunjuk teknis untuk pelaporan Dana Kampanye, Verifikasi Partai Politik dan/atau syarat dukungan Calon perseorangan yang", "Jumlah dokumen SOP atau petunjuk teknis untuk pelaporan Dana Kampanye, Verifikasi Partai Politik dan/atau syarat dukungan Calon perseorangan yang disusun sesuai dengan tahapan Pemilu/Pemilihan"),
    ("indikator", "Persentase permasalahan dalam pengelolaan keuangan yang dapat diselesaikan", "Persentase permasalahan dalam pengelolaan keuangan yang dapat diselesaikan"),
    ("indikator", "Persentase pemuliharaan dalam pengelolaan keuangan yang dapat diutamakan", "Persentase permasalahan dalam pengelolaan keuangan yang dapat diselesaikan"),
    ("indikator", "Persentase pemenuhan dalam pengalokasian keuangan yang dapat ditelusuri", "Persentase permasalahan dalam pengelolaan keuangan yang dapat diselesaikan"),
    ("indikator", "Persentase Pemobolan informasi yang ditindaklanjuti melalui PPD sesuai dengan SOP", "Persentase Permohonan informasi yang ditindaklanjuti melalui PPID sesuai dengan SOP"),
    ("indikator", "Pencyelenggaraan Pemilu/Pemilihan tanpa ada permasalahan anggaran dalam pemenuhan kebutuhan logistik", "Penyelenggaraan Pemilu/Pemilihan tanpa ada permasalahan anggaran dalam pemenuhan kebutuhan logistik"),
    ("indikator", "Persentase informasi produk hukum yang disajikan secara cepat, tepat, dan akurat sesuai dengan SOP, serta terumum nya arsip Keputusan Keputusan", "Persentase informasi produk hukum yang disajikan secara cepat, tepat, dan akurat sesuai dengan SOP, serta tersusunnya arsip Keputusan"),
    ("indikator", "persentase informasi produk hukum yang diujikan secara tepat, tepat, dan akurat sesuai dengan SOP", "persentase informasi produk hukum yang disajikan secara cepat, tepat, dan akurat sesuai dengan SOP"),
    ("indikator", "Persentase informasi produk hukum yang diupload secara tepat, tepat, dan akurat sesuai dengan SOP", "persentase informasi produk hukum yang disajikan secara cepat, tepat, dan akurat sesuai dengan SOP"),
    ("indikator", "Persentase ketersediaan fasilitas perkantoran untuk mendukung kinerja pegawai yang berfungsi dengan baik di lingkungan kantor KPU Kota Serang", "Persentase ketersediaan fasilitas perkantoran untuk mendukung kinerja pegawai yang berfungsi dengan baik di lingkungan kantor KPU Kota Serang"),
    ("indikator", "Persentase keterbukaan fasilitas perkantoran untuk mendukung kinerja pegawai yang berfungi dengan baik di lingkungan kantor KPU Kota Serang", "Persentase ketersediaan fasilitas perkantoran untuk mendukung kinerja pegawai yang berfungsi dengan baik di lingkungan kantor KPU Kota Serang"),
    ("indikator", "Persentase KPU Kota Serang mendapatkan nilai minimal 8 untuk penilaian mandiri RP", "Persentase KPU Kota Serang mendapatkan nilai minimal B untuk penilaian mandiri RB"),
    ("indikator", "Persentase KPU Kota Serang mendapatkan nilai minimal 8 untuk penilaian mandiri KB", "Persentase KPU Kota Serang mendapatkan nilai minimal B untuk penilaian mandiri RB"),
    ("indikator", "Persentase tercapainya realisasi anggaran dan target kinerja tercapai sesuai dengan perjanjian kinerja", "Persentase tercapainya realisasi anggaran dan target kinerja tercapai sesuai dengan perjanjian kinerja"),
    ("indikator", "Persentase tercapainya realisasi anggaran dan target kinerja rencana kerja dengan pencapaian kinerja", "Persentase tercapainya realisasi anggaran dan target kinerja tercapai sesuai dengan perjanjian kinerja"),
    ("indikator", "Persentase pemutakhiran dalam Data Pemilih", "Persentase pemutakhiran Data Pemilih"),
    ("indikator", "Persentase pemutakhiran data Data Pemilih", "Persentase pemutakhiran Data Pemilih"),
    # a vocabulary term naming another satker is that term (the id links it; the text keeps the satker)
    ("sasaran", "Terwujudnya Reformasi Birokrasi di KPU Kabupaten Tabanan", "Terwujudnya Reformasi Birokrasi di KPU Kabupaten Serang"),
    ("indikator", "Persentase KPU Kabupaten Tabanan mendapatkan nilai minimal B untuk penilaian mandiri RB", "Persentase KPU Kabupaten Serang mendapatkan nilai minimal B untuk penilaian mandiri RB"),
    ("indikator", "Persentase Penyediaan Logistik Pemilu Oleh KPU Kota Cilegon", "Persentase Penyediaan Logistik Pemilu Oleh KPU Kabupaten Serang"),
    ("indikator", "Jumlah Badan Adhoc yang dipersiapkan dan dibentuk dilingkungan Satker KPU Kabupaten Lebak", "Jumlah Badan Adhoc yang dipersiapkan dan dibentuk dilingkungan Satker KPU Kabupaten Serang"),
    ("indikator", "Laporan Keuangan KPU Kabupaten Badung yang akuntabel dan sesuai dengan Standar Akuntansi Pemerintah", "Laporan Keuangan KPU Kabupaten Tabanan yang akuntabel dan sesuai dengan Standar Akuntansi Pemerintah"),
    ("kegiatan", "Penerbitan Bahan Informasi Kepemilu dan Pilkada", "Penerbitan Bahan Informasi Kepemiluan dan Pilkada"),
    ("kegiatan", "Perencanaan Program dan Anggaran, serta Penyusunan Peraturanbn Pelaksanaan Penyelenggaraan Pemilu", "Perencanaan Program dan Anggaran, serta Penyusunan Peraturan Pelaksanaan Penyelenggaraan Pemilu"),
    ("kegiatan", "Pembentukan Badan Adhock", "Pembentukan Badan Adhoc"),
    ("kegiatan", "Fasilitasi Penyiapan Tahapan Pemungutan dan Penghitungan", "Fasilitasi Penyiapan Tahapan Pemungutan dan Penghitungan Suara"),
    ("kegiatan", "Pembentukan/seleksi Badan Adhoc", "Pembentukan/Seleksi Badan Adhoc"),
    ("kegiatan", "Pemutakhiran Data Pemilih and Penyusunan Daftar Pemilih", "Pemutakhiran Data Pemilih dan Penyusunan Daftar Pemilih"),
    ("kegiatan", "Pencalonan Presiden dan Wakil Presiden Serta Pencalonan Anggota DPR, DPD, DPRD Provisi dan DPRD Kabupaten/Kota", "Pencalonan Presiden dan Wakil Presiden Serta Pencalonan Anggota DPR, DPD, DPRD Provinsi dan DPRD Kabupaten/Kota"),
    ("kegiatan", "Tata Kelola Kelambagaan Publik Bidang Politik dan Hukum (CQ.6867.QGE)", "Tata Kelola Kelembagaan Publik Bidang Politik dan Hukum"),
    ("kegiatan", "Pengelolaan, Pengadaan, Laporan, dan Dokumentasi Logistik (CQ.6871)", "Pengelolaan, Pengadaan, Laporan dan Dokumentasi Logistik"),
    ("kegiatan", "Operasional Perkantoran dan Dukungan Sarana Prasarana", "Operasional Perkantoran dan Dukungan Sarana dan Prasarana"),
    ("kegiatan", "Layanan Perkantoran (WA.3355.EBA.994)", "Layanan Perkantoran"),
    ("kegiatan", "Documentasi dan Informasi Produk Hukum", "Dokumentasi dan Informasi Produk Hukum"),
    ("kegiatan", "Gap, Tunjangan dan Uang Rekrutmen", "Gaji, Tunjangan dan Uang Kehormatan"),
    ("kegiatan", "Bel. Tunjangan dan Uang Kehormatan", "Gaji, Tunjangan dan Uang Kehormatan"),
    ("kegiatan", "Layanan Prasarana Utama", "Layanan Prasarana Internal"),
    ("kegiatan", "Pengelolaan Desain Surat Suara, formulir, dan alat bantu tuna netra Pemilu/Pemilihan", "Pengelolaan Desain Surat Suara, Formulir, dan Alat Bantu Tuna Netra Pemilu/Pemilihan"),
    ("kegiatan", "Pembentukan Tim Reformasi Birokrasi dan Agen Perubahan", "Pembentukan Tim Reformasi Birokrasi dan Agen Perubahan"),
    ("kegiatan", "Penerbitan bahan informasi dan liping kepemiluan dan Pilkada", "Penerbitan Bahan Informasi dan Kliping Kepemiluan dan Pilkada"),
    ("kegiatan", "Pembentukan/Stoket Badan Penyelenggaraan Adhok", "Pembentukan/Seleksi Badan Penyelenggara Adhoc"),
    ("kegiatan", "Deklarasi Kampanye Damal", "Deklarasi Kampanye Damai"),
    ("kegiatan", "Fasilitasi Aaii Peraga Kampanye", "Fasilitasi Alat Peraga Kampanye"),
    ("kegiatan", "Kegiatan Fasilitas Pengelolaan Data Kebutuhan, pengadaan, pendistribusian, Serta Pemeliharaan dan Inventarisasi Logistik Pemilu/Pemilihan", "Fasilitasi Pengelolaan Data Kebutuhan, Pengadaan, Pendistribusian, serta Pemeliharaan dan Inventarisasi Logistik Pemilu/Pemilihan"),
    ("kegiatan", "layanan Monitoring dan Evaluasi Internal", "Layanan Monitoring dan Evaluasi Internal"),
    ("kegiatan", "pengelolaan laporan Keuangan Tingkat Uakpa dan uappa-", "Pengelolaan Laporan Keuangan Tingkat UAKPA dan UAPPA-W"),
    ("kegiatan", "Pemeriksaan di lingkungan setjen KPU, Sekretariat KPU Provinsi, dan Sekretariat KPU Kabupaten/Kota", "Pemeriksaan di Lingkungan Setjen KPU, Sekretariat KPU Provinsi, dan Sekretariat KPU Kabupaten/Kota"),
    ("kegiatan", "Pelaksanaan Manajemen Perencanaan dan data", "Pelaksanaan Manajemen Perencanaan dan Data"),
    ("kegiatan", "Penastausahan BMN", "Penatausahaan BMN"),
    ("kegiatan", "Melaksanakan pengawasan dan pengendalian internal melalui Sistem Pengendalian Inter Pemerintah (SPIP)", "Melaksanakan pengawasan dan pengendalian internal melalui Sistem Pengendalian Intern Pemerintah (SPIP)"),
    ("kegiatan", "Evaluasi atas Akuntabilitas Kinerja KPU Kabupaten Tabanan oleh inspektorat KPU", "Evaluasi atas Akuntabilitas Kinerja KPU Kabupaten Tabanan oleh Inspektorat KPU"),
    ("kegiatan", "Pendidikan Pemilih Kepemilihan dan Demokrasi kepada Pemilih Perempuan", "Pendidikan Pemilih Kepemiluan dan Demokrasi kepada Pemilih Perempuan"),
    ("kegiatan", "Pengecekan JDH", "Pengecekan JDIH"),
]

# ---------------------------------------------------------------- junk (must match nothing)
JUNK = [
    # real junk from the seeds
    "Kegiatan Pengabdian Masyarakat (KPM) di Kecamatan Serang",
    "KEMISI BUDIDAYA IKAN KOTA SERANG",
    "KEMISI BUDIDAYA IKAN",
    "Bidang Perikanan, Gula dan Kelternan",
    "Kepala Dinas Pendidikan dan Kebudayaan Serang",
    "Penyusunan Data Pemilik Sangat Berkelanjutan",
    "MELAKUKAN SPESIAL NYICU SALAM PENGHARGAAN DAN TERIMA KASIH TERHADAP ORANG PENERIMA ZAKAT",
    "Zakat/Orang Penerimaan Zakat Penerima / Penerima Zakat Orang",
    "Pengembangan Keluarga Dalam Proses Kelangkaan Demografi",
    "Penelitian dan Penelitian Terintegrasi",
    "Perencanaan, Penelitian, Pengabdian Masyarakat",
    "Outreach dan Outreach Publik Publik",
    "Pengujian Kecepatan dan Waktu Tunggu",
    "Call/ Tunggakan dan Uang Kembalikan",
    "Penyempurnaan Perencanaan Anggaran dan Monevilitas Biaya CPU Core Server",
    "Dukungan Pemeliharaan Tugas dan Uang Uang",
    "Perbaikan Perencanaan, Organisasi",
    "Transparansi Pengelolaan Pembiayaan / Belanja Daerah",
    "Anggaran Pelayanan Masyarakat",
    "Pengelolaan Pembiayaan Daerah Berbasis Akuntabilitas",
    "Kecepatan aksesnya dan kualitas layanan email/penelitian yang dipaparkan di media sosial/UMK",
    "Divisi Kelembagaan, Personalia dan SDM",
    "Divisi Zone dan Regulasi",
    "Ketua Komisi Penilaian dan Bina",
    "Sekretaris : DE / KEMERSELHAKUM",
    "01Pengeluaran Untuk dan Pada Akun dan Akun",
    "Handwritten mark or signature.",
    "SUARA RAKYAT, SUARA PEMILU",
    "(SUARA RAKYAT) : MASKOT LAKI-LAKI",
    "Jl. Kitapa No. 33 Telp. (0254) 202010, 202058 Fax. (0254) 201968 Serang",
    "NIP.19760229 200811 1 001",
    "minggu ke 1-4",
    "Pelaksanaan Kegiatan Bulanan",
    "PERKIRAAN BIAYA",
    "KEGIATAN YANG AKAN DILAKSANAKAN",
    "Disetujui: Kepala Dinas Pendidikan dan Kebudayaan Serang",
    # plausible Indonesian non-KPU phrases
    "Pembangunan Jalan Desa di Kecamatan Walantaka",
    "Penyuluhan Pertanian Padi Sawah",
    "Pelatihan Budidaya Ikan Lele",
    "Pemberian Makanan Tambahan Balita",
    "Vaksinasi Covid-19 Tahap Kedua",
    "Rehabilitasi Gedung Sekolah Dasar Negeri",
    "Pengadaan Alat Kesehatan Puskesmas",
    "Penyaluran Bantuan Langsung Tunai Dana Desa",
    "Operasi Pasar Minyak Goreng",
    "Penanaman Mangrove di Pesisir Utara",
    "Persentase Rumah Tangga yang Memiliki Akses Air Minum Layak",
    "Angka Partisipasi Murni Sekolah Menengah Pertama",
    "Jumlah Kunjungan Wisatawan Mancanegara",
    "Indeks Kepuasan Masyarakat terhadap Layanan Puskesmas",
    "Meningkatnya Produksi Beras Nasional",
    "Terwujudnya Ketahanan Pangan Daerah",
    "Terselenggaranya Festival Budaya Daerah",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Badan Pusat Statistik Kabupaten Serang",
    "Kantor Pelayanan Pajak Pratama Serang",
    "Rumah Sakit Umum Daerah Kota Serang",
    "Pengelolaan Sampah Rumah Tangga",
    "Perbaikan Saluran Irigasi Tersier",
    "Lomba Kebersihan Antar Kampung",
    "Pembinaan Usaha Mikro Kecil dan Menengah",
    "Penilaian Angka Kredit Guru",
    "Bantuan Operasional Sekolah",
    "Pemeliharaan Jembatan Gantung",
    "Rapat Koordinasi Penanggulangan Bencana Banjir",
    "Kegiatan Gotong Royong Warga RT 05",
    "Persentase Balita Gizi Buruk yang Mendapat Perawatan",
    "Jumlah Ternak Sapi yang Divaksinasi",
    "Sertifikasi Halal Produk UMKM",
    # KPU-flavoured phrases that are NOT vocabulary entries (the hard cases: shared words)
    "Rapat Pleno Terbuka Rekapitulasi Hasil Penghitungan Suara Tingkat Kota",
    "Pengadaan Kotak Suara Transparan",
    "Pelantikan Anggota PPK dan PPS",
    "Distribusi Logistik ke TPS",
    "Sosialisasi Pemilih Pemula di SMA Negeri 1 Serang",
    "Bimbingan Teknis Anggota KPPS",
    "Belanja Perjalanan Dinas Dalam Kota",
    "Belanja Modal Peralatan dan Mesin",
    "Penyusunan Laporan Keuangan Semester I",
    "Honorarium Petugas Pemutakhiran Data Pemilih",
    "Rekapitulasi Daftar Pemilih Sementara Hasil Perbaikan",
    "Persentase Pemilih yang Menggunakan Hak Pilih",
    "Jumlah Pengaduan Masyarakat yang Ditindaklanjuti",
    "Terwujudnya Kantor KPU yang Ramah Lingkungan",
    "Meningkatnya Kesejahteraan Pegawai KPU",
    "Bawaslu Kota Serang",
    "DPRD Kabupaten Serang",
    "Pemerintah Kota Serang",
    "Polres Serang Kota",
    "Kejaksaan Negeri Kabupaten Tabanan",
    "Kepala Subbagian Umum Dinas Pendidikan",
    "Divisi Humas Polda Banten",
    "Sekretaris Daerah Kabupaten Serang",
    "Program Keluarga Harapan",
    "Program Pengelolaan Pendidikan",
    "Pemilihan Kepala Desa Serentak",
    "Pemilihan Ketua RT dan RW",
    "Pemilihan Duta Wisata Kota Serang",
]


# ---------------------------------------------------------------- damage
SUBS = [("rn", "m"), ("m", "rn"), ("l", "1"), ("l", "I"), ("i", "l"), ("I", "l"), ("e", "c"), ("c", "e"),
        ("h", "b"), ("b", "h"), ("o", "0"), ("O", "0"), ("u", "n"), ("n", "u"), ("d", "cl"), ("a", "o"), ("t", "f")]


def damage(text: str, rng: random.Random) -> str:
    s = text
    n_ops = 1 + rng.randint(0, max(1, len(s) // 30))
    for _ in range(n_ops):
        op = rng.choice(["sub", "sub", "sub", "drop", "double", "split", "join", "punct", "case"])
        if op == "sub":
            cands = [(i, a, b) for a, b in SUBS for i in _find_all(s, a)]
            if cands:
                i, a, b = rng.choice(cands)
                s = s[:i] + b + s[i + len(a):]
        elif op == "drop":
            idx = [i for i, ch in enumerate(s) if ch.isalpha()]
            if len(idx) > 6:
                i = rng.choice(idx)
                s = s[:i] + s[i + 1:]
        elif op == "double":
            idx = [i for i, ch in enumerate(s) if ch.isalpha()]
            if idx:
                i = rng.choice(idx)
                s = s[:i] + s[i] + s[i:]
        elif op == "split":
            words = [m for m in range(1, len(s) - 1) if s[m - 1].isalpha() and s[m].isalpha()]
            if words:
                i = rng.choice(words)
                s = s[:i] + rng.choice([" ", "- "]) + s[i:]
        elif op == "join":
            sp = _find_all(s, " ")
            if sp:
                i = rng.choice(sp)
                s = s[:i] + s[i + 1:]
        elif op == "punct":
            s = s.replace(",", rng.choice(["", ".", " ,"]), 1)
        elif op == "case":
            s = rng.choice([s.upper(), s.lower(), s.title()])
    return s


def _find_all(s: str, sub: str) -> list[int]:
    out, i = [], s.find(sub)
    while i != -1:
        out.append(i)
        i = s.find(sub, i + 1)
    return out


def load(field: str) -> list[dict]:
    with open(VOCAB / FILES[field], newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main() -> None:
    rng = random.Random(SEED)
    rows: list[tuple[str, str, str, str]] = []
    by_canon: dict[tuple[str, str], str] = {}
    for field in FILES:
        entries = load(field)
        for e in entries:
            term = e.get("same_as") or e["id"]  # the id a match gives (same term, another satker)
            by_canon[(field, e["canonical"])] = term
            for v in e["variants"].split("|"):
                by_canon.setdefault((field, v.strip()), term)
        texts = []
        for e in entries:
            texts.append((e.get("same_as") or e["id"], e["canonical"]))
            vs = [v for v in e["variants"].split("|") if v.strip()]
            if vs and field in ("pelaksana", "program"):
                texts.append((e.get("same_as") or e["id"], rng.choice(vs)))
        picks = rng.sample(texts, N_SYNTH[field]) if len(texts) >= N_SYNTH[field] else [rng.choice(texts) for _ in range(N_SYNTH[field])]
        for eid, text in picks:
            rows.append((field, damage(text, rng), eid, "synthetic"))
    for field, raw, canon in REAL:
        eid = by_canon.get((field, canon))
        if eid is None:
            raise SystemExit(f"REAL entry refers to unknown canonical text: {field}: {canon!r}")
        rows.append((field, raw, eid, "seed"))
    for junk in JUNK:
        for field in FILES:
            rows.append((field, junk, "", "junk"))
    # drop exact duplicates, keep order
    seen, out = set(), []
    for r in rows:
        if r[:2] not in seen:
            seen.add(r[:2])
            out.append(r)
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["field", "raw", "expected_id", "kind"])
        w.writerows(out)
    print(f"wrote {len(out)} rows to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
