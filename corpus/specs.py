"""Cleaned content of every corpus document (the single source of truth).

Each spec is plain Python data.  ``corpus/generate.py`` renders the PDFs from it and derives
``corpus/truth/<name>.json`` from it by code (see corpus/TRUTH.md for the rules).  Texts follow the
OCR seeds in /work/shared/seeds/ with the OCR slips corrected; see corpus/README.md for the
judgment calls.
"""
from __future__ import annotations

# --------------------------------------------------------------------------------------------
# Canonical vocabularies (../../shared/CONTRACT.md)
# --------------------------------------------------------------------------------------------
PROGRAM_CQ = "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi"
PROGRAM_WA = "Program Dukungan Manajemen"
PROGRAM_CODES = {"076.01.CQ": PROGRAM_CQ, "076.01.WA": PROGRAM_WA}

KUL = "Subbagian Keuangan, Umum dan Logistik"
TEKNIS = "Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat"
RENDATIN = "Subbagian Perencanaan, Data dan Informasi"
HUKUM = "Subbagian Hukum dan Sumber Daya Manusia"

# pelaksana as printed -> canonical unit.  The generator refuses a pelaksana not in this map.
PELAKSANA_CANON = {
    "Sekretaris": "Sekretaris",
    "Semua Divisi": "Semua Divisi",
    "Subag Rendatin": RENDATIN,
    "Subbagian Perencanaan, Data dan Informasi": RENDATIN,
    "Sub Bagian Perencanaan, Data dan Informasi": RENDATIN,
    "Subag Hukum & SDM": HUKUM,
    "Sub. Bag Hukum": HUKUM,
    "Subbagian Hukum Dan Sumber Daya Manusia": HUKUM,
    "Subag Teknis": TEKNIS,
    "Sub. Bag Teknis": TEKNIS,
    "Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi Dan Hubungan Masyarakat": TEKNIS,
    "Subag KUL": KUL,
    "Sub Bagian Keuangan, Umum dan Logistik": KUL,
    "Divisi Perencanaan Data dan Informasi": "Divisi Perencanaan, Data dan Informasi",
    "Divisi Keuangan, Umum, Rumah Tangga, dan Logistik": "Divisi Keuangan, Umum, Rumah Tangga dan Logistik",
    "Divisi Teknis Penyelenggaraan": "Divisi Teknis Penyelenggaraan",
    "Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat, dan Sumber Daya Manusia":
        "Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat dan Sumber Daya Manusia",
    "Divisi Hukum dan Pengawasan": "Divisi Hukum dan Pengawasan",
}

ALL = list(range(1, 13))


def months(*spans):
    """months(1, (3, 5), 12) -> [1, 3, 4, 5, 12]"""
    out = []
    for s in spans:
        if isinstance(s, tuple):
            out.extend(range(s[0], s[1] + 1))
        else:
            out.append(s)
    return out


# ============================================================================================
# 1. RAK KPU Kabupaten Serang 2023  (seed: rak_kab_serang_2023.txt)
# ============================================================================================
# kegiatan: (name, target, plan {month: cell text}, biaya as printed, pelaksana monthly table,
#            pelaksana quarterly table)
def _plan(ms, text="M1-4", first=None):
    p = {m: text for m in ms}
    if first:
        p[ms[0]] = first
    return p


RAK_SERANG = {
    "name": "rak_kab_serang_2023",
    "document": {"satker": "KPU Kabupaten Serang", "year": 2023, "doc_type": "RAK"},
    "title": ["RENCANA AKSI KINERJA TAHUN 2023", "KOMISI PEMILIHAN UMUM KABUPATEN SERANG", "SEKRETARIS"],
    "sasaran": [
        dict(no=1, sasaran="Terwujudnya Penyelenggaraan Pemilu / Pemilihan Sesuai Jadwal",
             indikator="Persentase ketepatan waktu dalam penetapan jadwal tahapan dan petunjuk teknis "
                       "penyelenggaraan Pemilu/Pemilihan oleh KPU Kabupaten",
             target="100%",
             kegiatan=[
                 ("Perencanaan dan Penganggaran Pemilu", "100%", _plan(ALL), "234.549.000", "Subag Rendatin", "Subag Rendatin"),
                 ("Fasilitasi Seleksi Calon Anggota KPU Provinsi dan KPU Kabupaten/Kota", "100%", _plan([5, 6, 11, 12]), "1.000.000", "Subag Hukum & SDM", "Subag Hukum & SDM"),
                 ("Penyelenggaraan Pelatihan Teknis Kepemiluan", "100%", _plan([5, 6]), "3.730.000", "Subag Hukum & SDM", "Subag Hukum & SDM"),
                 ("Sosialisasi/Penyuluhan/ Bimbingan Teknis Tahapan", "100%", _plan(months((2, 12))), "97.669.000", "Subag Teknis", "Subag Teknis"),
                 ("Penyusunan Peraturan Pemilu", "100%", _plan(months((2, 12))), "13.150.000", "Subag Hukum & SDM", "Subag Hukum & SDM"),
                 ("Pendaftaran dan Verifikasi Partai Politik Peserta Pemilu", "100%", _plan(months((1, 8))), "296.089.000", "Subag Teknis", "Subag Teknis"),
                 ("Fasilitasi Penyiapan Tahapan Pemungutan dan Penghitungan Suara", "100%", _plan([10, 11, 12]), "36.287.000", "Subag Teknis", "Subag Teknis"),
                 ("Pelaksanaan Tahapan Pemungutan dan Penghitungan Suara", "100%", _plan([10, 11, 12]), "4.191.000", "Subag Teknis", "Subag Teknis"),
                 ("Evaluasi Pelaksanaan Pemungutan dan Penghitungan Suara", "100%", _plan([10, 11, 12]), "1.095.000", "Subag Teknis", "Subag Teknis"),
             ]),
        dict(no=2, sasaran="Tersedianya data, informasi, sarana dan prasarana teknologi informasi serta penerapan egovernment KPU",
             indikator="Persentase Sarana dan Prasarana Teknologi Informasi untuk Sistem Informasi yang aman, handal dan "
                       "lancar yang dimiliki KPU Kabupaten",
             target="100%",
             kegiatan=[("Sarana IT Pemilu", "100%", _plan([3, 6, 9, 12]), "6.478.000", "Subag Rendatin", "Subag Rendatin")]),
        dict(no=3, sasaran="Terlaksananya pengelolaan dan pelayanan informasi hukum",
             indikator="persentase informasi produk hukum yang disajikan secara cepat, tepat, dan akurat sesuai dengan SOP",
             target="80%",
             kegiatan=[("Dokumentasi dan Informasi Produk Hukum", "80%", _plan(ALL), "-", "Sub. Bag Hukum", "Subag Hukum & SDM")]),
        dict(no=4, sasaran="Meningkatnya kualitas layanan informasi dan data yang cepat serta akurat",
             indikator="Persentase informasi dan publikasi tahapan Pemilu/Pemilihan yang ditampilkan di media publikasi "
                       "KPU paling lambat 1 (satu) hari kerja",
             target="90%",
             kegiatan=[("Penerbitan Bahan Informasi Kepemiluan dan Pilkada", "90%", _plan(ALL), "-", "Sub. Bag Teknis", "Subag Teknis")]),
        dict(no=5, sasaran="Pembentukan Badan Penyelenggara Adhoc",
             indikator="Jumlah Badan Adhoc yang dipersiapkan dan dibentuk dilingkungan Satker KPU Kabupaten Serang",
             target="1 Satker",
             kegiatan=[
                 ("Pembentukan/seleksi Badan Adhoc", "1 Satker", _plan([1, 2]), "765.690.000", "Subag Hukum & SDM", "Subag Hukum & SDM"),
                 ("Honorarium Badan Adhoc", "1 Satker", _plan(months((2, 12))), "29.648.700.000", "Subag Hukum & SDM", "Subag Hukum & SDM"),
                 ("Dukungan Operasional Badan Adhoc", "1 Satker", _plan(months((2, 12))), "3.378.635.000", "Subag Hukum & SDM", "Subag Hukum & SDM"),
             ]),
        dict(no=6, sasaran="Tersedianya pedoman laporan dan audit dana kampanye, verifikasi partai politik dan/atau anggota perorangan DPD",
             indikator="Jumlah dokumen SOP atau petunjuk teknis untuk pelaporan Dana Kampanye, Verifikasi Partai Politik "
                       "dan/atau syarat dukungan Calon perseorangan yang disusun sesuai dengan tahapan Pemilu/Pemilihan",
             target="1 Satker",
             kegiatan=[
                 ("Persiapan Kampanye Pemilu", "1 Satker", _plan(months((9, 12))), "20.007.000", "Subag Teknis", "Subag Teknis"),
                 ("Pengelolaan Kampanye Pemilu", "1 Satker", _plan(months((9, 12))), "35.836.000", "Subag Teknis", "Subag Teknis"),
                 ("Evaluasi dan Laporan Kegiatan Kampanye Pemilu", "1 Satker", _plan(months((9, 12))), "1.095.000", "Subag Teknis", "Subag Teknis"),
             ]),
        dict(no=7, sasaran="Ketersediaan Logistik Pemilu",
             indikator="Persentase Penyediaan Logistik Pemilu Oleh KPU Kabupaten Serang",
             target="100%",
             kegiatan=[
                 ("Penyiapan dan Pengelolaan Logistik Pemilu", "100%", _plan(months((9, 12))), "78.183.000", "Subag KUL", "Subag KUL"),
                 ("Pengelolaan Pengadaan Barang dan Jasa", "100%", _plan(months((9, 12))), "270.825.000", "Subag KUL", "Subag KUL"),
                 ("Pengelolaan Dokumentasi Logistik", "100%", _plan(months((9, 12))), "1.000.000", "Subag KUL", "Subag KUL"),
             ]),
        dict(no=8, sasaran="Terselesaikannya permasalahan pengelolaan keuangan",
             indikator="Persentase permasalahan dalam pengelolaan keuangan yang dapat diselesaikan",
             target="100%",
             kegiatan=[
                 ("Gaji, Tunjangan dan Uang Kehormatan", "100%", _plan(ALL, "M1"), "1.877.887.000", "Subag KUL", "Subag KUL"),
                 ("Layanan Manajemen Keuangan", "100%", _plan(ALL, "M1"), "38.478.000", "Subag KUL", "Subag KUL"),
             ]),
        dict(no=9, sasaran="Meningkatnya akuntabilitas keuangan dan kinerja",
             indikator="Persentase Unit kerja yang telah melaksanakan pembangunan Zona Integritas Menuju WBK/WBBM",
             target="100%",
             kegiatan=[("Operasional dan Pemeliharaan Kantor", "100%", _plan(ALL), "397.882.000", "Subag KUL", "Subag KUL")]),
        dict(no=10, sasaran="Terwujudnya Dukungan Sarana dan Prasarana guna Meningkatkan Kelancaran Tugas KPU",
             indikator="Persentase ketersediaan fasilitas perkantoran untuk mendukung kinerja pegawai yang berfungsi "
                       "dengan baik di lingkungan KPU Kabupaten Serang",
             target="100%",
             kegiatan=[("Layanan Prasarana Internal", "100%", _plan(ALL), "13.736.000", "Subag KUL", "Subag KUL")]),
        dict(no=11, sasaran="Tersedianya data, informasi, sarana dan prasarana teknologi informasi serta penerapan egovernment KPU",
             indikator="Persentase Sarana dan Prasarana Teknologi Informasi untuk Sistem Informasi yang aman, handal dan "
                       "lancar yang dimiliki KPU Kabupaten",
             target="100%",
             kegiatan=[("Layanan Data dan Informasi", "100%", _plan([3, 6, 9, 12]), "8.340.000", "Subag Rendatin", "Subag Rendatin")]),
        dict(no=12, sasaran="Terwujudnya Data Pemilih Secara Berkelanjutan",
             indikator="Persentase ketetapan waktu KPU Kabupaten Serang dalam Pemutakhiran Data Pemilih",
             target="90%",
             kegiatan=[("Pemutakhiran Data Pemilih", "100%", _plan(months((2, 8)), first="M2-4"), "-", "Subag Rendatin", "Subag Rendatin")]),
        dict(no=13, sasaran="Terwujudnya Reformasi Birokrasi di KPU Kabupaten Serang",
             indikator="Persentase KPU Kabupaten Serang mendapatkan nilai minimal B untuk penilaian mandiri RB",
             target="80%",
             kegiatan=[("Pembentukan Tim Reformasi Birokrasi dan tim Agen Perubahan", "100%", _plan([6, 12]), "-", "Subag Rendatin", "Subag Rendatin")]),
    ],
    "programs": [
        (1, PROGRAM_CQ, "Rp 34.894.209.000"),
        (2, PROGRAM_WA, "Rp 2.336.323.000"),
    ],
    "place_date": "Serang, 24 Januari 2023",
    "signer_title": "Sekretaris KPU Kabupaten Serang",
    "signer": "ADE WAHYU MARGONO",
    "signer_nip": "NIP.19760229 200811 1 001",
    "approver_title": ["Disahkan oleh", "Ketua KPU Kabupaten Serang"],
    "approver": "(ARIFIN NASYAR)",
}

# ============================================================================================
# 2. RAK KPU Kabupaten Tabanan 2023  (seed: rak_kab_tabanan_2023.txt)
# ============================================================================================
W1, W14, W4 = "minggu ke 1", "minggu ke 1-4", "minggu ke 4"

RAK_TABANAN = {
    "name": "rak_kab_tabanan_2023",
    "document": {"satker": "KPU Kabupaten Tabanan", "year": 2023, "doc_type": "RAK"},
    "title": "RENCANA AKSI KINERJA",
    "unit": "Komisi Pemilihan Umum Kabupaten Tabanan",
    "tahun": "2023",
    # table 1: with INDIKATOR column.  Rows grouped per sasaran (NO and SASARAN merged).
    "table1": [
        dict(no=1, sasaran="Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas", rows=[
            dict(indikator="Jumlah Laporan Reformasi Birokrasi yang disusun tepat waktu", target="1 Laporan",
                 kegiatan=["Membentuk Tim Reformasi Birokrasi"],
                 plan={1: W1, **{m: W14 for m in range(2, 13)}},
                 biaya="Rp. 2.953.803.000", pelaksana="Semua Divisi"),
            dict(indikator="Nilai Akuntabilitas Kinerja", target="B",
                 kegiatan=["Menyusun PK Tahun 2023",
                           "Menyusun LKJ Tahun 2022",
                           "Menyampaikan LKJ dan PK kepada Ketua KPU dan Sekretaris Jenderal KPU cq. Biro Perencanaan dan Data melalui KPU Provinsi",
                           "Melaksanakan Evaluasi Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) di Lingkungan KPU Kabupaten Tabanan",
                           "Menyusun laporan Pertanggungjawaban Penggunaan Anggaran Tahun 2023"],
                 plan={1: W1, 2: W4, 7: W1},
                 biaya="", pelaksana="Divisi Perencanaan Data dan Informasi"),
            dict(indikator="Laporan Keuangan KPU Kabupaten Tabanan yang akuntabel dan sesuai dengan Standar Akuntansi Pemerintah",
                 target="1 Laporan",
                 kegiatan=["Menyusun Laporan Keuangan KPU Kabupaten Tabanan"],
                 plan={m: W14 for m in ALL},
                 biaya="", pelaksana="Divisi Keuangan, Umum, Rumah Tangga, dan Logistik"),
            dict(indikator="Persentase keterbukaan informasi publik", target="100%",
                 kegiatan=["Penerbitan bahan informasi dan kliping kepemiluan dan Pilkada",
                           "Layanan informasi kepemiluan dan Pilkada"],
                 plan={m: W14 for m in ALL},
                 biaya="", pelaksana="Divisi Teknis Penyelenggaraan"),
        ]),
        dict(no=2, sasaran="Terwujudnya koordinasi penyelenggaraan pemilihan yang sesuai dengan Standar Pelayanan Publik, "
                           "disertai pengelolaan data dan informasi serta dokumentasi pelaksanaan Pemilu berbasis "
                           "teknologi informasi yang terintegrasi", rows=[
            dict(indikator="Persentase KPU Kabupaten Tabanan menyelenggarakan Pemilu/Pemilihan sesuai dengan jadwal dan "
                           "ketentuan yang berlaku", target="100%",
                 kegiatan=["Penyusunan Perencanaan Anggaran Tahapan Pemilu",
                           "Menyusun rencana kebutuhan logistik pemilu",
                           "Pengawasan Pengelolaan dan Pengadaan Logistik Tahapan Pemilu 2024",
                           "Pembentukan/Seleksi Badan Penyelenggara Adhoc"],
                 plan={m: W14 for m in ALL},
                 biaya="Rp. 13.718.210.000", pelaksana="Divisi Perencanaan Data dan Informasi"),
        ]),
    ],
    # table 2: without INDIKATOR column; the TARGET belongs to the sasaran.
    "table2": [
        dict(sasaran="Terwujudnya rencana kerja dan anggaran KPU, KPU Provinsi/KIP Aceh dan KPU/KIP Kabupaten/Kota yang efektif dan efisien",
             target="10 kali",
             kegiatan=["Melakukan perencanaan, pengelolaan, dan pendayagunaan anggaran yang ada untuk melaksanakan kegiatan KPU, baik kegiatan rutin maupun tahapan Pemilu",
                       "Melakukan revisi anggaran sesuai dengan kewenangannya berdasarkan ketentuan peraturan perundang-undangan"],
             plan={m: W1 for m in ALL}, biaya="", pelaksana="Subbagian Perencanaan, Data dan Informasi"),
        dict(sasaran="Terwujudnya sistem administrasi penyelenggaraan Pemilu yang tertib, efektif dan efisien",
             target="75%",
             kegiatan=["Melaporkan capaian keuangan dan output serta kendala tidak tercapainya target berdasarkan ketentuan peraturan perundang-undangan setiap bulan",
                       "Melakukan pemantauan setiap Triwulan"],
             plan={m: W4 for m in ALL}, biaya="", pelaksana="Subbagian Perencanaan, Data dan Informasi"),
        dict(sasaran="Meningkatnya tertib administrasi dan pengelolaan sumber daya manusia",
             target="97,5%",
             kegiatan=["Melakukan monitoring dan evaluasi terhadap pelaksanaan kegiatan dan anggaran",
                       "Menyusun matriks rencana aksi pelaksanaan kegiatan setiap bulan berdasarkan DIPA dan TOR",
                       "Menentukan output dari triwulan I sampai dengan triwulan IV"],
             plan={m: W4 for m in ALL}, biaya="2.619.569.000", pelaksana="Sub Bagian Keuangan, Umum dan Logistik"),
        dict(sasaran="Tersusunnya laporan pertanggungjawaban penggunaan anggaran",
             target="1 Dokumen",
             kegiatan=["Menyediakan pertanggungjawaban penggunaan anggaran sesuai ketentuan"],
             plan={m: W1 for m in ALL}, biaya="", pelaksana="Sub Bagian Keuangan, Umum dan Logistik"),
        dict(sasaran="Meningkatnya pembinaan perbendaharaan",
             target="2 Lap",
             kegiatan=["Menerima data BMN dan melakukan rekonsiliasi internal antara laporan keuangan dengan laporan barang",
                       "Meneliti transaksi dan melakukan analisa neraca, laporan realisasi anggaran dan laporan operasional",
                       "Melakukan rekonsiliasi dengan mengupload data ke portal e-REKON",
                       "Menyusun laporan keuangan per periode laporan dan menyampaikannya ke tingkat wilayah"],
             plan={m: W1 for m in ALL}, biaya="22.451.000", pelaksana="Sub Bagian Keuangan, Umum dan Logistik"),
        dict(sasaran="Terlaksananya sistem akuntansi dan pelaporan keuangan",
             target="12 Lap",
             kegiatan=["Menyusun dan menyampaikan laporan realisasi anggaran melalui portal SIMONIKA"],
             plan={m: W4 for m in ALL}, biaya="", pelaksana="Sub Bagian Keuangan, Umum dan Logistik"),
        dict(sasaran="Meningkatnya Kualitas Tata Kelola Administrasi Persuratan dan Pengelolaan Arsip",
             target="87,5%",
             kegiatan=["Penatausahaan BMN (Pencatatan pada aplikasi Persediaan dan SIMAK BMN)",
                       "Penataan Arsip statis dan dinamis",
                       "Menjalin kerjasama dengan Badan Arsip dan Perpustakaan Daerah",
                       "Pemeliharaan sarana transportasi"],
             plan={m: W14 for m in ALL}, biaya="303.853.000", pelaksana="Sub Bagian Keuangan, Umum dan Logistik"),
        dict(sasaran="Terwujudnya Dukungan Sarana dan Prasarana guna Meningkatkan Kelancaran Tugas KPU",
             target="70%",
             kegiatan=["Memenuhi kebutuhan sehari-hari perkantoran",
                       "Memenuhi belanja langganan listrik, telepon dan air",
                       "Pemeliharaan peralatan dan mesin",
                       "Pemeliharaan gedung dan bangunan"],
             plan={m: W14 for m in ALL}, biaya="", pelaksana="Sub Bagian Keuangan, Umum dan Logistik"),
        dict(sasaran="Meningkatnya Penyelenggaraan SPIP",
             target="17 Laporan",
             kegiatan=["Melaksanakan pengawasan dan pengendalian internal melalui Sistem Pengendalian Intern Pemerintah (SPIP)"],
             plan={m: W14 for m in ALL}, biaya="", pelaksana="Subbagian Hukum Dan Sumber Daya Manusia"),
        dict(sasaran="Meningkatnya Akuntabilitas Keuangan dan Kinerja KPU",
             target="B",
             kegiatan=["Evaluasi atas Akuntabilitas Kinerja KPU Kabupaten Tabanan oleh Inspektorat KPU"],
             plan={m: W14 for m in ALL}, biaya="", pelaksana="Subbagian Perencanaan, Data dan Informasi"),
        dict(sasaran="Terlaksananya pengelolaan dan penyajian informasi hukum",
             target="100%",
             kegiatan=["Mengelola dan mendokumentasikan produk hukum"],
             plan={m: W14 for m in ALL}, biaya="15.800.000", pelaksana="Subbagian Hukum Dan Sumber Daya Manusia"),
        dict(sasaran="Terwujudnya Tahapan Pemilu/Pemilihan Sesuai Jadwal",
             target="100%",
             kegiatan=["Menyajikan informasi produk hukum secara cepat, tepat, dan akurat sesuai dengan SOP",
                       "Pengecekan JDIH",
                       "Penyusunan Rencana Kebutuhan Anggaran Tahapan Pemilu"],
             plan={m: W14 for m in ALL}, biaya="350.342.000", pelaksana="Subbagian Perencanaan, Data dan Informasi"),
        dict(sasaran="Pengembangan Rumah Pintar Pemilu",
             target="24 kegiatan",
             kegiatan=["Melakukan kegiatan Rumah Pintar Pemilu ke sekolah-sekolah SMA/SMK di Kabupaten Tabanan"],
             plan={m: W14 for m in months((2, 11))}, biaya="84.204.000",
             pelaksana="Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi Dan Hubungan Masyarakat"),
        dict(sasaran="Pendidikan Pemilih Kepada Pemilih Pemula, Perempuan, dan Disabilitas",
             target="98%",
             kegiatan=["Pendidikan Pemilih Kepemiluan dan Demokrasi kepada Pemilih Perempuan",
                       "Pendidikan Pemilih Kepemiluan dan Demokrasi kepada Pemilih Disabilitas"],
             plan={}, biaya="",
             pelaksana="Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi Dan Hubungan Masyarakat"),
        dict(sasaran="Meningkatnya kualitas layanan informasi dan data yang cepat serta akurat",
             target="100%",
             kegiatan=["Menindaklanjuti permohonan informasi melalui PPID sesuai dengan SOP",
                       "Menyusun Laporan PPID",
                       "Melaksanakan kegiatan pelayanan pers",
                       "Pengelolaan Laman KPU Kabupaten Tabanan"],
             plan={m: W14 for m in ALL}, biaya="",
             pelaksana="Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi Dan Hubungan Masyarakat"),
    ],
}

# ============================================================================================
# 3. RKT KPU Kota Serang 2021  (seed: rkt_kota_serang_2021.txt)
# ============================================================================================
# ("P", text) program group row, ("K", text) kegiatan group row, ("O", text) output group row,
# ("L", sasaran, indikator, output, uraian, amount) line row
RKT_SERANG = {
    "name": "rkt_kota_serang_2021",
    "document": {"satker": "KPU Kota Serang", "year": 2021, "doc_type": "RKT"},
    "title": ["RENCANA KERJA TAHUNAN KPU KOTA SERANG", "TAHUN ANGGARAN 2021"],
    "rows": [
        ("P", "Penyelenggaraan Pemilu Dalam Proses Konsolidasi Demokrasi", "076.01.CQ"),
        ("K", "Fasilitasi Pengelolaan Data Kebutuhan, Pengadaan, Pendistribusian, serta Pemeliharaan dan Inventarisasi Logistik Pemilu/Pemilihan"),
        ("O", "Norma, Standar, Prosedur dan Kriteria"),
        ("L", "Terlaksananya fasilitasi pengelolaan data kebutuhan, pengadaan, pendistribusian, serta pemeliharaan dan inventarisasi logistik Pemilu/Pemilihan",
         "Persentase pendistribusian logistik Pemilu/Pemilihan tepat jenis, jumlah dan waktu",
         "Sistematis dan Standarisasi Pengiriman Logistik Pemilu",
         "Evaluasi Pendistribusian Logistik Pemilihan Tahun 2020", "1,868,000"),
        ("O", "Layanan Perencanaan dan Penganggaran Internal"),
        ("L", "Terlaksananya fasilitasi pengelolaan data kebutuhan, pengadaan, pendistribusian, serta pemeliharaan dan inventarisasi logistik Pemilu/Pemilihan",
         "Penyelenggaraan Pemilu/Pemilihan tanpa ada permasalahan anggaran dalam pemenuhan kebutuhan logistik",
         "Data kebutuhan dan Anggaran Logistik Pemilu/ Pemilihan",
         "Bimtek pengelolaan logistik Pemilu/Pemilihan", "6,788,000"),
        ("O", "Layanan Monitoring dan Evaluasi Internal"),
        ("L", "Terlaksananya fasilitasi pengelolaan data kebutuhan, pengadaan, pendistribusian, serta pemeliharaan dan inventarisasi logistik Pemilu/Pemilihan",
         "Persentase menginventarisir dan memelihara logistik Pemilu/Pemilihan 1 (satu) hari sebelum pelaksanaan pemungutan suara dalam Pemilu/Pemilihan",
         "Inventarisasi Logistik Pemilu",
         "Penyusunan Laporan dan Evaluasi Pelaksanaan Pengelolaan Pemeliharaan dan Inventarisasi Pemilihan", "1,928,000"),
        ("K", "Penyiapan Penyusunan Rancangan Peraturan KPU, Advokasi, Penyelesaian Sengketa dan Penyuluhan Peraturan Perundang-Undangan yang Berkaitan Dengan Penyelenggaraan Pemilu"),
        ("O", "Pelayanan Publik Lainnya"),
        ("L", "Terlaksananya Penyusunan Rancangan Keputusan KPU Kota Serang sesuai dengan Ketentuan perundang-undangan",
         "Persentase pembuatan keputusan KPU Kota Serang terkait tahapan pemilu/pemilihan yang tersusun secara rapih",
         "Layanan Administrasi Kepemiluan",
         "Pelayanan Administrasi Hukum dalam Penyelenggaraan Pemilihan Umum", "2,044,000"),
        ("O", "Data dan Informasi Publik"),
        ("L", "Terlaksananya pengelolaan dan pelayanan informasi hukum dengan mengunggah pada laman JDIH KPU Kota Serang",
         "Persentase informasi produk hukum yang disajikan secara cepat, tepat, dan akurat sesuai dengan SOP, serta tersusunnya arsip Keputusan",
         "Dokumentasi dan Informasi Produk Hukum",
         "Dokumentasi dan Informasi Produk Hukum", "2,515,000"),
        ("K", "Fasilitasi Pelaksanaan Tahapan Pemilu Legislatif, Pemilu Presiden dan Wakil Presiden, Pemilukada, Publikasi dan Sosialisasi serta Partisipasi Masyarakat dan PAW"),
        ("O", "Pelayanan Publik Lainnya"),
        ("L", "Meningkatnya kualitas layanan informasi dan data yang cepat serta akurat",
         "Persentase Permohonan informasi yang ditindaklanjuti melalui PPID sesuai dengan SOP",
         "Dokumen Teknis Pemilu Legislatif, Pemilu Presiden dan Wakil Presiden",
         "Pengelolaan Dokumen Teknis Pemilu dan Pemilihan", "2,000,000"),
        ("O", "Data dan Informasi Publik"),
        ("L", "Meningkatnya kualitas layanan informasi dan data yang cepat serta akurat",
         "Persentase informasi dan publikasi tahapan Pemilu/Pemilihan yang ditampilkan di media publikasi KPU Kota Serang paling lambat 1 (satu) hari kerja",
         "Publikasi Informasi",
         "Penerbitan Bahan Informasi dan Kliping Kepemiluan dan Pilkada", "1,000,000"),
        ("P", "Program Dukungan Manajemen", "076.01.WA"),
        ("K", "Pelaksanaan Akuntabilitas Pengelolaan Administrasi Keuangan di Lingkungan Setjen KPU"),
        ("O", "Layanan Perkantoran"),
        ("L", "Terselesaikannya permasalahan pengelolaan keuangan",
         "Persentase permasalahan dalam pengelolaan keuangan yang dapat diselesaikan",
         "Layanan Perkantoran", "Gaji, Tunjangan dan Uang Kehormatan", "2,031,713,000"),
        ("O", "Layanan Pengawasan Internal"),
        ("L", "Tersusunnya laporan pertanggungjawaban penggunaan anggaran",
         "Laporan Pertanggungjawaban Penggunaan Anggaran berbasis SIMONIKA yang Tepat Waktu dan Valid",
         "Laporan Pertanggungjawaban Penggunaan Anggaran (LPPA)",
         "Penerapan LPPA berbasis Aplikasi Sistem Informasi dan Monitoring Keuangan", "7,762,000"),
        ("O", "Layanan Monitoring dan Evaluasi Internal"),
        ("L", "Terlaksananya sistem akuntansi dan pelaporan keuangan",
         "Jumlah laporan sistem akuntansi dan pelaporan keuangan",
         "Laporan Sistem Akuntansi dan Pelaporan Keuangan Pemilu",
         "Pengelolaan Laporan Keuangan Tingkat UAKPA dan UAPPA-W", "21,319,000"),
        ("K", "Pelaksanaan Manajemen Perencanaan dan Data"),
        ("O", "Layanan Data dan Informasi"),
        ("L", "Terwujudnya Data Pemilih secara Berkelanjutan",
         "Persentase Pemutakhiran Data Pemilih Tepat Waktu",
         "Dokumen Pemutakhiran Data Pemilih", "Pemutakhiran Data Pemilih", "29,840,000"),
        ("O", "Layanan Monitoring dan Evaluasi Internal"),
        ("L", "Terwujudnya sistem administrasi penyelenggaraan Pemilu yang tertib, efektif dan efisien",
         "Persentase target kinerja tercapai sesuai dengan perjanjian kinerja",
         "Laporan Pelaksanaan Kegiatan",
         "Monitoring Pelaksanaan Kegiatan dan Anggaran KPU Tahun 2021 dan Penyusunan Laporan Kinerja Tahun 2020 dan Perjanjian Kinerja Tahun 2021", "7,554,000"),
        ("O", "Perencanaan dan Penganggaran"),
        ("L", "Terwujudnya rencana kerja dan anggaran yang efektif dan efisien",
         "Jumlah revisi yang dilakukan terhadap rencana kerja yang telah ditetapkan",
         "Dokumen Perencanaan dan Anggaran",
         "Penyusunan Dokumen Rencana Kerja dan Anggaran Tahun 2022 serta Pengelolaan Program dan Kegiatan serta Anggaran TA 2021", "14,836,000"),
        ("K", "Penyelenggaraan Operasional dan Pemeliharaan Perkantoran (KPU) Serta Dukungan Sarana Prasarana"),
        ("O", "Layanan Perkantoran"),
        ("L", "Terwujudnya Dukungan Sarana dan Prasarana guna Meningkatkan Kelancaran Tugas KPU",
         "Persentase fasilitas perkantoran untuk mendukung kinerja pegawai yang berfungsi dengan baik",
         "Layanan Perkantoran", "Operasional Kantor dan Pemeliharaan Kantor", "606,645,000"),
        ("O", "Layanan Sarana Internal"),
        ("L", "Terwujudnya Pengelolaan Barang Milik Negara sesuai dengan Peraturan dan Perundangan yang berlaku",
         "Pengelolaan Barang Milik Negara yang Material dengan patuh dan tertib",
         "Pengelolaan Barang Milik Negara", "Penatausahaan BMN", "4,600,000"),
        ("K", "Pemeriksaan di lingkungan Setjen KPU, Sekretariat KPU Provinsi, dan Sekretariat KPU Kabupaten/Kota"),
        ("O", "Layanan Monitoring dan Evaluasi Internal"),
        ("L", "Meningkatnya Akuntabilitas Keuangan dan Kinerja KPU",
         "Persentase KPU Kota Serang mendapatkan nilai akuntabilitas kinerja minimal B",
         "Laporan Hasil Revisi Laporan Keuangan", "Revisi Laporan Keuangan", "3,940,000"),
    ],
    "total": ("JUMLAH ANGGARAN", "2,746,352,000"),
    "place_date": "Serang, 28 Januari 2021",
    "signer_lines": ["Komisi Pemilihan Umum Kota Serang", "Sekretaris"],
    "signer": "HAYAUDIN",
}

# ============================================================================================
# 4 + 5. PK and LAKIP KPU Kota Serang 2022  (seed: lakip_kota_serang_2022.txt, RKT 2022 table)
# ============================================================================================
# (sasaran, indikator, target, kegiatan, anggaran as printed, realisasi, capaian)  -- realisasi
# and capaian are SYNTHETIC (the seed's measurement table is unreadable).
SERANG_2022_SASARAN = [
    ("Terwujudnya Penyelenggaraan Pemilu / Pemilihan Sesuai Jadwal",
     "Persentase ketepatan waktu dalam penetapan jadwal tahapan dan petunjuk teknis penyelenggaraan Pemilu/Pemilihan oleh KPU Kota Serang",
     "100%", "Pengelolaan Desain Surat Suara, Formulir, dan Alat Bantu Tuna Netra Pemilu/Pemilihan", "214.416.000", "100%", "100%"),
    ("Terlaksananya pengelolaan dan pelayanan informasi hukum",
     "Persentase informasi produk hukum yang disajikan secara cepat, tepat, dan akurat sesuai dengan SOP",
     "90%", "Dokumentasi dan Informasi Produk Hukum", "-", "92%", "102,22%"),
    ("Meningkatnya kualitas layanan informasi dan data yang cepat serta akurat",
     "Persentase informasi dan publikasi tahapan Pemilu/Pemilihan yang ditampilkan di media publikasi KPU paling lambat 1 (satu) hari kerja",
     "90%", "Penerbitan Bahan Informasi Kepemiluan dan Pilkada", "-", "95%", "105,56%"),
    ("Terselesaikannya permasalahan pengelolaan keuangan",
     "Persentase permasalahan dalam pengelolaan keuangan yang dapat diselesaikan",
     "100%", "Gaji, Tunjangan dan Uang Kehormatan", "1.807.229.000", "100%", "100%"),
    ("Terwujudnya Perencanaan Anggaran dan Akuntabilitas Kinerja KPU Kota Serang",
     "Persentase tercapainya realisasi anggaran dan target kinerja tercapai sesuai dengan perjanjian kinerja",
     "90%", "Operasional dan Pemeliharaan Kantor", "485.912.000", "96,69%", "107,43%"),
    ("Terwujudnya Dukungan Sarana dan Prasarana guna Meningkatkan Kelancaran Tugas KPU",
     "Persentase ketersediaan fasilitas perkantoran untuk mendukung kinerja pegawai yang berfungsi dengan baik di lingkungan kantor KPU Kota Serang",
     "100%", "Layanan Prasarana Internal", "22.200.000", "95%", "95%"),
    ("Terwujudnya Data Pemilih secara Berkelanjutan",
     "Persentase Pemutakhiran Data Pemilih Tepat Waktu",
     "90%", "Layanan Data dan Informasi", "34.940.000", "90%", "100%"),
    ("Terwujudnya Reformasi Birokrasi di KPU Kota Serang",
     "Persentase KPU Kota Serang mendapatkan nilai minimal B untuk penilaian mandiri RB",
     "90%", "Pembentukan Tim Reformasi Birokrasi dan Agen Perubahan", "-", "85%", "94,44%"),
]

PK_SERANG = {
    "name": "pk_kota_serang_2022",
    "document": {"satker": "KPU Kota Serang", "year": 2022, "doc_type": "PK"},
    "statement_title": ["PERNYATAAN PERJANJIAN KINERJA KPU KOTA SERANG", "TAHUN 2022"],
    "statement": [
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi "
        "pada hasil, kami yang bertanda tangan di bawah ini:",
        "Nama : <b>HENDRO SULISTYO</b><br/>Jabatan : <b>Sekretaris KPU Kota Serang</b><br/>Selanjutnya disebut pihak pertama",
        "Nama : <b>ADE JAHMAN</b><br/>Jabatan : <b>Ketua KPU Kota Serang</b><br/>Selanjutnya disebut pihak kedua",
        "Pihak pertama pada tahun 2022 ini berjanji akan mewujudkan target kinerja tahunan sesuai lampiran perjanjian "
        "ini dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
        "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.",
        "Pihak kedua akan memberikan supervisi yang diperlukan serta akan melakukan evaluasi akuntabilitas kinerja "
        "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian "
        "penghargaan dan sanksi.",
    ],
    "title": ["PERJANJIAN KINERJA TAHUN 2022", "KOMISI PEMILIHAN UMUM KOTA SERANG", "SEKRETARIS"],
    "rows": [(s, i, t) for (s, i, t, *_rest) in SERANG_2022_SASARAN],
    "place_date": "Serang, 28 Januari 2022",
    "pihak_kedua": ["Pihak Kedua,", "Ketua KPU Kota Serang"], "pihak_kedua_name": "ADE JAHMAN",
    "pihak_pertama": ["Pihak Pertama,", "Sekretaris KPU Kota Serang"], "pihak_pertama_name": "HENDRO SULISTYO",
}

LAKIP_SERANG = {
    "name": "lakip_kota_serang_2022",
    "document": {"satker": "KPU Kota Serang", "year": 2022, "doc_type": "LAKIP"},
    "cover": ["LAPORAN KINERJA", "KOMISI PEMILIHAN UMUM KOTA SERANG", "2022"],
    "kata_pengantar": [
        "Puji dan syukur kami ucapkan kehadirat Allah SWT, atas limpahan rahmat dan karunia-Nya sehingga Laporan Akuntabilitas Kinerja Pemerintah (LAKIP) Tahun 2022 pada Komisi Pemilihan Umum Kota Serang dapat diselesaikan dengan baik. Penyusunan laporan ini sebagai wujud pelaksanaan amanat Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah.",
        "Laporan Akuntabilitas Kinerja Instansi Pemerintah KPU Kota Serang tahun 2022 merupakan bentuk pertanggungjawaban atas komitmen KPU Kota Serang dalam mewujudkan akuntabilitas dan transparansi dalam pengelolaan kinerja. Laporan Kinerja disusun oleh setiap tingkatan organisasi yang menyusun Perjanjian Kinerja dan menyajikan informasi tentang uraian organisasi, perencanaan kinerja, pengukuran kinerja, evaluasi dan analisis kinerja untuk setiap sasaran strategis atau hasil program/kegiatan serta analisis capaian kinerja.",
        "Penyusunan Laporan Kinerja ini didasarkan melalui analisis terhadap pencapaian dan realisasi kinerja sasaran yang dilakukan dikaitkan dengan perencanaan strategis yang termuat dalam Rencana Indikator Kinerja Utama dan Penetapan Kinerja Tahun 2022.",
        "Akhir kata, semoga Laporan Akuntabilitas Kinerja Instansi Pemerintah (LAKIP) KPU Kota Serang Tahun 2022 ini bermutu dan dapat dijadikan parameter terhadap pencapaian kinerja dan dijadikan sebagai bahan masukan untuk meningkatkan kinerja dalam penyelenggaraan pemerintahan dan pembangunan, serta pelayanan kepada masyarakat pada tahun berikutnya.",
    ],
    "ikhtisar": [
        "Dalam rangka melaksanakan Keputusan KPU RI Nomor: 5/PR.03-1-Kpt/2018 tentang Petunjuk Teknis Perjanjian Kinerja dan Pelaporan Kinerja di Lingkungan KPU, maka Sekretariat KPU Kota Serang berkewajiban untuk menyampaikan Laporan Kinerja Tahun 2022 kepada KPU melalui KPU Provinsi.",
        "Laporan Kinerja KPU Kota Serang tersebut diwujudkan dalam dokumen Laporan Kinerja yang disusun sebagai bentuk pertanggungjawaban atas amanah yang diberikan oleh Sekretariat KPU Kota Serang dalam mendukung Visi dan Misi KPU. Untuk menjalankan tugas tersebut, KPU Kota Serang menetapkan sasaran program dan indikator kinerja.",
        "Adapun sasaran strategis yang telah ditetapkan sebagai berikut: 1. Meningkatnya Kualitas Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya. 2. Terwujudnya Penguatan Kelembagaan Demokrasi dan Perbaikan Proses Politik.",
    ],
    "bab1": [
        "Sebagaimana diamanatkan dalam Undang-Undang Nomor 7 Tahun 2017, Komisi Pemilihan Umum merupakan Lembaga Negara yang sangat penting secara konstitusional dan bersifat nasional, tetap dan mandiri dalam menyelenggarakan pemilu/pemilihan yang digelar secara langsung, umum, bebas, rahasia, jujur dan adil. Komisi Pemilihan Umum Kota Serang selanjutnya disebut KPU Kota Serang, adalah Penyelenggara Pemilihan Umum di Kota Serang yang menjalankan tugasnya secara berkesinambungan serta bersifat tetap dan hierarkis dari KPU Provinsi Banten dan KPU (Pusat).",
        "Secara garis besar penyusunan LAKIP ini didasarkan kepada Keputusan KPU RI Nomor: 05/PR.03-1-Kpt/2014 tentang Petunjuk Teknis Perjanjian Kinerja dan Pelaporan Kinerja di Lingkungan KPU. LAKIP ini memberikan penjelasan mengenai pencapaian kinerja KPU Kota Serang selama Tahun Anggaran 2022. Catatan kinerja (performance results) Tahun 2022 tersebut diperbandingkan dengan Perjanjian Kinerja (performance agreement) Tahun 2022 sebagai tolak ukur dan gambaran tingkat keberhasilan pencapaian kinerja KPU Kota Serang selama 1 tahun.",
        "Laporan Pertanggungjawaban Kinerja organisasi publik dalam bentuk Laporan Akuntabilitas Kinerja Instansi Pemerintah (LAKIP) Tahun 2021 yang disusun ini merupakan uraian lebih lanjut secara periodik dari rencana strategi. Rencana Strategi sebagaimana diketahui merupakan rencana uraian lima tahunan yang harus diuraikan lebih lanjut kedalam rencana tahunan agar program dan kegiatan lebih terfokus.",
        "Maksud dan Tujuan disusunnya Laporan Akuntabilitas Kinerja Instansi Pemerintah (LAKIP) KPU Kota Serang adalah sebagai wujud pertanggungjawaban KPU Kota Serang atas pelaksanaan tugas dan fungsinya, dan sebagai bahan analisis dalam membuat kebijakan untuk meningkatkan kinerja dimasa yang akan datang.",
    ],
    "bab2_intro": [
        "Sebagaimana dirumuskan dalam Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional, KPU telah menerbitkan Keputusan KPU Nomor 197/PR.01.3-Kpt/01/KPU/IV/2020 tentang Rencana Strategis KPU Tahun 2020-2024 dengan berpedoman pada RPJMN 2020-2024.",
        "Sebagai tindak lanjut terhadap Rencana Strategis KPU Kota Serang Tahun 2020-2024, telah ditetapkan Rencana Kinerja Tahunan (RKT) Tahun 2022 sebagaimana berikut:",
    ],
    "rkt_title": ["RENCANA KINERJA TAHUNAN", "KOMISI PEMILIHAN UMUM KOTA SERANG", "TAHUN 2022"],
    "pk_intro": "Dalam rangka melaksanakan Rencana Strategis KPU Tahun 2020-2024 dan RKT Tahun 2022, pada tanggal 28 Januari 2022 KPU Kota Serang telah menetapkan Perjanjian Kinerja sebagai pernyataan tekad dan rencana kinerja yang akan dicapai pada Tahun 2022 yang dijabarkan sebagai berikut:",
    "pk_title": ["PERJANJIAN KINERJA TAHUN 2022", "KOMISI PEMILIHAN UMUM KOTA SERANG", "SEKRETARIS"],
    "bab3_intro": [
        "Kinerja KPU Kota Serang Tahun 2022, pada hakikatnya merupakan bagian dari suatu proses atau kegiatan untuk mencapai sasaran Rencana Strategis 2020-2024. Dengan demikian pencapaian kinerja per satuan kegiatan di Tahun 2022 merupakan bagian dari pencapaian sasaran yang telah ditetapkan dalam Rencana Strategis.",
        "KPU Kota Serang secara umum dapat mencapai target kinerja sebagaimana telah ditetapkan pada tahun 2022. Pengukuran capaian kinerja Tahun 2022 disajikan pada tabel berikut:",
    ],
    "pengukuran_title": "PENGUKURAN KINERJA TAHUN 2022",
    "evaluasi": [
        "1. Terselenggaranya anggaran tahapan Pemilu dan Pemilihan serentak tahun 2024. Komisi Pemilihan Umum Kota Serang telah menyusun anggaran tahapan Pemilu dan Pemilihan serentak tahun 2024. Pada tahun anggaran 2022, KPU Kota Serang melakukan revisi DIPA sesuai arahan dari KPU RI.",
        "2. Terlaksananya launching hari pemungutan dan penghitungan suara Pemilu serentak tahun 2024. Pada bulan Juni 2022, Komisi Pemilihan Umum mengadakan acara Launching hari Pemungutan dan penghitungan suara Pemilu serentak Tahun 2024.",
        "3. Terlaksananya tahapan verifikasi faktual partai politik peserta pemilu tahun 2024. Verifikasi administratif dilakukan melalui Sistem Informasi Partai Politik (SIPOL), verifikasi faktual dengan mendatangi anggota partai politik untuk mencocokkan data yang ada di SIPOL.",
    ],
    "keuangan_sentence": "KPU Kota Serang mendapatkan Pagu Anggaran sebesar Rp. 3.741.209.000, tingkat persentase realisasi anggaran Tahun 2022 sebesar 96,69%, atau sebesar Rp. 3.617.455.634, tingkat capaian tersebut menunjukkan upaya sungguh-sungguh, kerja keras dan konsisten dari seluruh unit kerja dan komitmen bersama sepanjang Tahun 2022. Laporan Akuntabilitas Keuangan KPU Kota Serang dapat dilihat pada tabel berikut ini:",
    "budget_rows": [("Jumlah Anggaran", "3.741.209.000", "3.617.455.634", "96,69%")],
    "budget_total": dict(uraian="Jumlah Anggaran", pagu=3741209000, realisasi=3617455634, persen=96.69),
    "penutup": [
        "Laporan Kinerja Instansi Pemerintah (LAKIP) KPU Kota Serang Tahun 2021 merupakan wujud akuntabilitas Kinerja KPU dalam menjalankan tugasnya. Sesuai arah kebijakan dalam menjalankan tugas, program dan kegiatannya, KPU Kota Serang berpegangan pada tujuan, sasaran dan program kerja yang ditetapkan baik dalam Rencana Pembangunan Jangka Menengah Nasional (RPJMN) Tahun 2020 - 2024, maupun Rencana Strategis KPU Tahun 2020-2024.",
        "Hasil capaian kinerja terhadap sasaran yang ditargetkan, secara umum dapat memenuhi target dan sesuai dengan rencana yang telah ditetapkan. Meskipun demikian, beberapa indikator kinerja masih membutuhkan komitmen, keterlibatan, dan dukungan aktif segenap komponen penyelenggara Pemilu, pemerintah, masyarakat, dan para pemangku kepentingan.",
    ],
    "rows": SERANG_2022_SASARAN,
}

# ============================================================================================
# 6. Laporan Tahunan KPU Kota Serang 2023  (seed: laporan_tahunan_kota_serang_2023.txt)
# ============================================================================================
# The two budget tables are printed EXACTLY as the seed prints them, source errors included:
# row b '18.985.000' (narrative and program total say 18.885.000), row g empty with the values of
# g..j shifted down one row onto h..j and an unlabeled last row, and the Program Dukungan
# Manajemen table that disagrees with the narrative.
LAPTAH_TABLE_CQ = [
    ("Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi", "18.256.293.000", "18.168.826.339", "99.52"),
    ("a. Perencanaan Program dan Anggaran, serta Penyusunan Peraturan Pelaksanaan Penyelenggaraan Pemilu", "1.279.853.000", "1.277.447.604", "99.81"),
    ("b. Pendaftaran dan Verifikasi Peserta Pemilu", "18.985.000", "18.884.995", "100"),
    ("c. Pembentukan Badan Adhoc", "13.740.458.000", "13.735.022.330", "99.96"),
    ("d. Masa Kampanye Pemilu", "50.958.000", "11.593.100", "22.75"),
    ("e. Pengelolaan, Pengadaan, Laporan dan Dokumentasi Logistik", "2.587.379.000", "2.555.593.975", "98.77"),
    ("f. Pemungutan dan Penghitungan Suara", "31.913.000", "31.267.500", "97.98"),
    ("g. Pemutakhiran Data Pemilih dan Penyusunan Daftar Pemilih", "", "", ""),
    ("h. Penetapan Peserta Pemilu", "79.097.000", "79.095.521", "100"),
    ("i. Penetapan Jumlah Kursi dan Penetapan Daerah Pemilihan", "8.200.000", "7.779.000", "94.87"),
    ("j. Pencalonan Presiden dan Wakil Presiden Serta Pencalonan Anggota DPR, DPD, DPRD Provinsi dan DPRD Kabupaten/Kota", "149.725.000", "148.787.614", "99.37"),
    ("", "309.825.000", "303.354.700", "97.91"),
]
LAPTAH_TABLE_WA = [
    ("Program Dukungan Manajemen", "2.170.936.000", "2.158.035.549", "99.93"),
    ("a. Pengelolaan Keuangan dan Barang Milik Negara", "2.144.325.000", "2.091.349.077", "100"),
    ("b. Operasional Perkantoran dan Dukungan Sarana Prasarana", "80.570.000", "59.206.472", "84.85"),
    ("c. Data dan Informasi", "9.200.000", "7.480.000", "89.69"),
]

# Narrative nodes of BAB III in order:
# (kode as printed or None, level for code-less nodes, marker, heading, pagu, realisasi, persen,
#  comma after the pagu amount, tail, paragraphs)
_T1 = " yang terdiri dari 1 (satu) Output Kegiatan, yaitu sebagai berikut:"
_S3 = " yang terdiri dari 3 (tiga) Sub. Output Kegiatan, yaitu sebagai berikut:"
_S1 = " yang terdiri dari 1 (satu) Sub. Output Kegiatan, yaitu sebagai berikut:"
_OK = "direalisasikan dengan baik dengan kategori permasalahan tidak ada masalah."

LAPTAH_NARRATIVE = [
    ("076.01.CQ", None, "A.", "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi", "18.256.293.000", "18.168.826.339", "99.52", True,
     " yang terdiri dari 10 (sepuluh) Kegiatan, yaitu sebagai berikut:", []),
    ("CQ.6709", None, "1.", "Kegiatan Program dan Anggaran, Serta Penyusunan Peraturan Pelaksanaan Penyelenggaraan Pemilu", "1.279.853.000", "1.277.447.604", "99.81", True,
     " yang terdiri dari 2 Output Kegiatan, yaitu sebagai berikut:", []),
    ("CQ.6709.QGE", None, "a.", "Tata Kelola Kelembagaan Publik Bidang Politik dan Hukum", "1.273.375.000", "1.270.970.759", "99.81", True,
     " yang terdiri dari 5 Sub. Output Kegiatan, yaitu sebagai berikut:", []),
    ("CQ.6709.QGE.001", None, "1.", "Perencanaan dan Penganggaran Pemilu", "852.312.000", "851.584.516", "99.91", False, "",
     ["Pelaksanaan untuk kegiatan Perencanaan dan Penganggaran Pemilu dilaksanakan dengan baik, KPU Kota Serang telah melaksanakan kegiatan tersebut sesuai dengan Tahapan Penyelenggaraan Pemilu Tahun 2024 yang berjalan ditahun 2023.",
      "KPU Kota Serang telah melakukan banyak revisi anggaran, dimana revisi tersebut dilakukan berdasarkan tahapan dan tambahan anggaran dari KPU RI ditahun berjalan dilakukan revisi yang menyesuaikan kegiatan yang ada di KPU Kota Serang."]),
    ("CQ.6709.QGE.003", None, "2.", "Fasilitasi Seleksi Calon Anggota KPU Provinsi dan KPU Kabupaten/Kota", "1000", "0", "0", False, "",
     ["Pelaksanaan pada kegiatan Fasilitasi Seleksi Calon Anggota KPU Provinsi dan KPU Kabupaten/Kota pada tahun 2023 sudah tidak ada, karena kegiatan tersebut dilaksanakan oleh KPU Provinsi."]),
    ("CQ.6709.QGE.004", None, "3.", "Penyelenggaraan Pelatihan Teknis Kepemiluan", "5.000.000", "5.000.000", "100", False, "",
     ["Pelaksanaan pada kegiatan Penyelenggaraan Pelatihan Teknis Kepemiluan pada KPU Kota Serang dilaksanakan berdasarkan kebutuhan pada tahapan penyelenggaraan pemilu tahun 2024 yang dilaksanakan pada tahun 2023."]),
    ("CQ.6709.QGE.006", None, "4.", "Sosialisasi/Penyuluhan/Bimbingan Teknis Tahapan", "405.724.000", "404.147.843", "99.61", False, "",
     ["Pelaksanaan untuk kegiatan Sosialisasi/Penyuluhan/Bimbingan Teknis Tahapan sudah dilaksanakan dengan baik berdasarkan tahapan ataupun aturan yang sudah ditetapkan oleh KPU RI.",
      "Kegiatan tersebut banyak melibatkan banyak unsur, dimana sasaran kegiatan ditujukan untuk pemilih yang ada di wilayah kota serang."]),
    ("CQ.6709.QGE.007", None, "5.", "Penyusunan Peraturan Pemilu", "10.338.000", "10.238.400", "99.04", False, "",
     ["Pelaksanaan untuk kegiatan Penyusunan Peraturan Pemilu dibuat dengan baik berdasarkan tahapan ataupun aturan yang sudah ditetapkan oleh KPU RI yang disusun berdasarkan peraturan-peraturan yang mengacu pada kegiatan-kegiatan tersebut."]),
    ("CQ.6709.RAN", None, "b.", "Sarana Bidang Teknologi Informasi dan Komunikasi", "6.478.000", "6.476.845", "99.98", True,
     " yang terdiri dari 1 Output Kegiatan, yaitu sebagai berikut:", []),
    (None, "suboutput", "1.", "Sarana IT Pemilu", "6.478.000", "6.476.845", "99.98", True, "",
     ["Pelaksanaan pada kegiatan Sarana IT Pemilu, dilaksanakan berdasarkan kebutuhan untuk menunjang terselenggaranya semua tahapan pada penyelenggaraan pemilu ini.",
      "Sarana IT Pemilu disiapkan untuk menghadapi perkembangan digital karena semua tahapan dilakukan menggunakan IT yang berkaitan dengan Pemilu."]),
    ("CQ.6710", None, "2.", "Pendaftaran dan Verifikasi Peserta Pemilu", "18.885.000", "18.884.995", "100", True, _T1, []),
    ("CQ.6710.QGE", None, "\u2022", "Tata Kelola Kelembagaan Publik Bidang Politik dan Hukum", "18.885.000", "18.884.995", "100", True, _S1, []),
    ("CQ.6710.QGE.001", None, "\u2022", "Pendaftaran dan Verifikasi Partai Politik Peserta Pemilu", "18.885.000", "18.884.995", "100", True, "",
     ["Pelaksanaan pada kegiatan Pendaftaran dan Verifikasi Partai Politik Peserta Pemilu dikerjakan berdasarkan jadwal dan tahapan yang sudah ditentukan, sehingga KPU Kota Serang dapat melaksanakan kegiatan tersebut berdasarkan ketentuan yang sudah ada."]),
    ("CQ.6867", None, "3.", "Pembentukan Badan Adhoc", "13.740.458.000", "13.735.022.330", "99.96", True, _T1, []),
    ("CQ.6867.QGE", None, "\u2022", "Tata Kelola Kelembagaan Publik Bidang Politik dan Hukum", "13.740.458.000", "13.735.022.330", "99.96", True, _S3, []),
    ("CQ.6867.QGE.001", None, "a.", "Pembentukan/Seleksi Badan Adhoc", "536.044.000", "536.041.300", "100", True, "",
     ["Kegiatan Pembentukan/Seleksi Badan Adhoc dilaksanakan berdasarkan jadwal tahapan penyelenggaraan pemilu, pelaksanaan kegiatan tersebut diumumkan di media sosial, di tempel di KPU Kota Serang, sehingga masyarakat dapat mengetahui waktu pendaftarannya."]),
    ("CQ.6867.QGE.002", None, "b.", "Honorarium Badan Adhoc", "10.426.950.000", "10.426.950.000", "100", True, "",
     ["Pelaksanaan Honorarium Badan Adhoc diberikan kepada anggota badan adhoc, dimana penerima honorarium tersebut sudah dilantik dan di SK kan oleh ketua KPU Kota Serang."]),
    ("CQ.6867.QGE.003", None, "c.", "Dukungan Operasional Badan Adhoc", "2.777.464.000", "2.772.031.030", "99.80", True, "",
     ["Pelaksanaan pemberian dukungan operasional badan adhoc dari KPU Kota Serang kepada masing-masing berdasarkan jadwal dan kegiatan yang terjadi di Kota Serang."]),
    ("CQ.6870", None, "4.", "Masa Kampanye Pemilu", "50.958.000", "11.593.100", "22.75", True, _T1, []),
    ("CQ.6870.QGE", None, "\u2022", "Tata Kelola Kelembagaan Publik Bidang Politik dan Hukum", "50.958.000", "11.593.100", "22.75", True, _S3, []),
    ("CQ.6870.QGE.001", None, "a.", "Persiapan Kampanye Pemilu", "14.027.000", "6.025.000", "42.95", True, "",
     ["Pelaksanaan kegiatan persiapan kampanye pemilu yang dilaksanakan oleh KPU Kota Serang dilakukan berdasarkan jadwal tahapan penyelenggaraan pemilu, dimana pada tahapan tersebut, KPU Kota Serang melakukan koordinasi dengan instansi terkait untuk mempersiapkan lokasi tempat kampanye."]),
    ("CQ.6870.QGE.002", None, "b.", "Pengelolaan Kampanye Pemilu", "35.836.000", "4.568.100", "12.75", True, "",
     ["Pelaksanaan untuk kegiatan pengelolaan kampanye pemilu dilakukan berdasarkan kebutuhan yang ada, sehingga penyerapan anggaran tidak maksimal."]),
    ("CQ.6870.QGE.003", None, "c.", "Evaluasi dan Laporan Kegiatan Kampanye Pemilu", "1.095.000", "1.000.000", "91.32", True, "",
     ["Pelaksanaan evaluasi dan laporan kegiatan kampanye pemilu dilaksanakan pada waktu kegiatan kampanye pemilu berlangsung."]),
    ("CQ.6871", None, "5.", "Pengelolaan, Pengadaan, Laporan, dan Dokumentasi Logistik", "2.587.379.000", "2.555.593.975", "98.77", True, _T1, []),
    ("CQ.6871.QGE", None, "\u2022", "Tata Kelola Kelembagaan Publik Bidang Politik dan Hukum", "2.587.379.000", "2.555.593.975", "98.77", True, _S3, []),
    ("CQ.6871.QGE.001", None, "a.", "Penyiapan dan Pengelolaan Logistik Pemilu", "1.276.963.000", "1.259.577.012", "98.64", True, "",
     ["Pelaksanaan kegiatan untuk penyiapan dan pengelolaan logistik oleh KPU Kota Serang dilakukan dengan baik berdasarkan peraturan yang sudah ditetapkan oleh KPU RI."]),
    ("CQ.6871.QGE.002", None, "b.", "Pengelolaan Pengadaan Barang dan Jasa", "1.219.247.000", "1.205.118.733", "98.84", True, "",
     ["Pelaksanaan kegiatan untuk pengelolaan Pengadaan Barang dan Jasa oleh KPU Kota Serang dilakukan dengan baik berdasarkan peraturan yang sudah ditetapkan oleh KPU RI."]),
    # the seed prints '(CQ.6871.QGE)' here: the only slip fixed in the narrative codes
    ("CQ.6871.QGE.003", None, "c.", "Pengelolaan Dokumentasi Logistik", "91.169.000", "90.898.230", "99.70", True, "",
     ["KPU Kota Serang melakukan pengelolaan dokumentasi logistik secara bertahap, dimana logistik yang diterima oleh KPU Kota Serang dikirim oleh penyedia tidak secara langsung, karena jadwal penyedia tidak bersamaan."]),
    ("CQ.6872", None, "6.", "Pemungutan dan Penghitungan Suara", "31.913.000", "31.267.500", "97.98", True, _T1, []),
    ("CQ.6872.QGE", None, "\u2022", "Tata Kelola Kelembagaan Publik Bidang Politik dan Hukum", "31.913.000", "31.267.500", "97.98", True, _S3, []),
    ("CQ.6872.QGE.001", None, "a.", "Fasilitasi Penyiapan Tahapan Pemungutan dan Penghitungan Suara", "26.627.000", "26.011.000", "97.69", True, "",
     ["Pelaksanaan kegiatan untuk fasilitasi penyiapan tahapan pemungutan dan penghitungan suara dilakukan oleh KPU Kota Serang dilakukan berdasarkan aturan yang sudah ditetapkan."]),
    ("CQ.6872.QGE.002", None, "b.", "Pelaksanaan Tahapan Pemungutan dan Penghitungan Suara", "4.191.000", "4.161.500", "99.30", False, "",
     ["Pada pelaksanaan tahapan pemungutan dan penghitungan suara dilakukan oleh KPU Kota Serang dilakukan sesuai dengan mekanisme peraturan yang berlaku."]),
    ("CQ.6872.QGE.003", None, "c.", "Evaluasi Pelaksanaan Pemungutan dan Penghitungan Suara", "1.095.000", "1.095.000", "100", False, "",
     ["Pelaksanaan evaluasi untuk pelaksanaan pemungutan dan penghitungan suara dilakukan KPU Kota Serang setelah kegiatan tersebut selesai dilaksanakan."]),
    ("CQ.6887", None, "7.", "Pemutakhiran Data Pemilih dan Penyusunan Daftar Pemilih", "79.097.000", "79.097.000", "100", True, _T1, []),
    ("CQ.6887.QGE", None, "\u2022", "Tata Kelola Kelembagaan Publik Bidang Politik dan Hukum", "79.097.000", "79.097.000", "100", True, _S3, []),
    ("CQ.6887.QGE.001", None, "a.", "Persiapan Pelaksanaan Pemutakhiran Data Pemilih", "34.164.000", "34.163.221", "100", True, "",
     ["KPU Kota Serang melakukan persiapan pelaksanaan pemutakhiran data pemilih berdasarkan aturan yang sudah ditetapkan oleh KPU RI."]),
    ("CQ.6887.QGE.002", None, "b.", "Pemutakhiran Data Pemilih", "44.494.000", "44.493.300", "100", True, "",
     ["Pada pelaksanaan pemutakhiran data pemilih ini KPU Kota Serang membuat mekanisme pemutakhiran data pemilih dengan cara bekerjasama dengan pihak dinas kependudukan kota serang."]),
    ("CQ.6887.QGE.003", None, "c.", "Penetapan Data Pemilih", "439.000", "439.000", "100", True, "",
     ["KPU Kota Serang melakukan penetapan data pemilih dengan cara membuat berita acara penetapan data pemilih oleh KPU Kota Serang dengan disandingkan data dengan dinas kependudukan kota serang."]),
    ("CQ.6888", None, "8.", "Penetapan Peserta Pemilu", "8.200.000", "7.779.000", "94.87", True, _T1, []),
    ("CQ.6888.QGE", None, "\u2022", "Tata Kelola Kelembagaan Publik Bidang Politik dan Hukum", "8.200.000", "7.779.000", "94.87", True, _S1, []),
    ("CQ.6888.QGE.003", None, "-", "Penyelesaian Sengketa Penetapan Partai Politik Peserta Pemilu", "8.200.000", "7.779.000", "94.87", True, "",
     ["Pelaksanaan Penyelesaian Sengketa Penetapan Partai Politik Peserta Pemilu dilakukan sesuai dengan peraturan KPU RI."]),
    ("CQ.6889", None, "9.", "Penetapan Jumlah Kursi dan Penetapan Daerah Pemilihan", "149.725.000", "148.787.614", "99.37", True, _T1, []),
    ("CQ.6889.QGE", None, "\u2022", "Tata Kelola Kelembagaan Publik Bidang Politik dan Hukum", "149.725.000", "148.787.614", "99.37", True,
     " yang terdiri dari 3 (satu) Sub. Output Kegiatan, yaitu sebagai berikut:", []),
    ("CQ.6889.QGE.001", None, "a.", "Fasilitasi Kesiapan Penyusunan Jumlah Kursi dan Daerah Pemilihan", "77.600.000", "76.945.400", "99.37", True, "",
     ["Pelaksanaan kegiatan fasilitasi kesiapan penyusunan jumlah kursi dan daerah pemilihan dengan mengadakan Uji Publik Penataan Daerah Pemilihan Pemilu 2024, sebanyak 3 kegiatan yang berbeda segmen."]),
    ("CQ.6889.QGE.002", None, "b.", "Pelaksanaan Proses Penyusunan Jumlah Kursi dan Daerah Pemilihan", "500.000", "500.000", "100", True, "",
     ["Pelaksanaan kegiatan fasilitasi kesiapan penyusunan jumlah kursi dan daerah pemilihan berjalan dengan baik."]),
    ("CQ.6889.QGE.003", None, "c.", "Evaluasi Penetapan Jumlah Kursi dan Daerah Pemilihan", "71.625.000", "71.342.214", "99.61", True, "",
     ["Pelaksanaan kegiatan fasilitasi kesiapan penyusunan jumlah kursi dan daerah pemilihan berjalan dengan baik."]),
    ("CQ.6890", None, "10.", "Pencalonan Presiden dan Wakil Presiden Serta Pencalonan Anggota DPR, DPD, DPRD Provinsi dan DPRD Kabupaten/Kota", "309.825.000", "303.354.700", "97.91", True, _T1, []),
    ("CQ.6890.QGE", None, "\u2022", "Tata Kelola Kelembagaan Publik Bidang Politik dan Hukum", "309.825.000", "303.354.700", "97.91", True, _S3, []),
    ("CQ.6890.QGE.001", None, "a.", "Fasilitasi Kesiapan Kegiatan Pencalonan", "22.575.000", "22.575.000", "100", True, "",
     ["Pelaksanaan Fasilitasi Kesiapan Kegiatan Pencalonan " + _OK]),
    ("CQ.6890.QGE.002", None, "b.", "Pelaksanaan Proses Pencalonan", "284.250.000", "277.779.700", "97.72", True, "",
     ["Pelaksanaan Proses Pencalonan " + _OK]),
    ("CQ.6890.QGE.003", None, "c.", "Evaluasi Pencalonan", "3.000.000", "3.000.000", "100", True, "",
     ["Pelaksanaan Evaluasi Pencalonan " + _OK]),
    ("076.WA", None, "B.", "Program Dukungan Manajemen", "2.159.443.000", "2.158.035.549", "99.93", True,
     " yang terdiri dari 4 (empat) Kegiatan, yaitu sebagai berikut:", []),
    ("WA.3355", None, "1.", "Pengelolaan Keuangan dan Barang Milik Negara", "2.081.325.000", "2.091.349.077", "100.48", True,
     " yang terdiri dari 2 (dua) Output Kegiatan, yaitu sebagai berikut:", []),
    ("WA.3355.EBA", None, "a.", "Layanan Dukungan Manajemen Internal", "2.049.467.000", "2.059.554.577", "100.49", True, _S1, []),
    ("WA.3355.EBA.994", None, "-", "Layanan Perkantoran", "2.049.467.000", "2.059.554.577", "100.49", True, "",
     ["Pelaksanaan Layanan Perkantoran direalisasikan dengan baik dengan permasalahan tidak ada masalah."]),
    ("WA.3355.EBD", None, "b.", "Layanan Dukungan Kinerja Internal", "31.858.000", "31.794.500", "99.80", True, _S1, []),
    ("WA.3355.EBD.955", None, "-", "Layanan Manajemen Keuangan", "31.858.000", "31.794.500", "99.80", True, "",
     ["Pelaksanaan layanan manajemen keuangan direalisasikan berdasarkan peraturan-peraturan KPU dan Peraturan dari Kementerian Keuangan."]),
    ("WA.3360", None, "2.", "Operasional Perkantoran dan Dukungan Sarana dan Prasarana", "69.778.000", "59.206.472", "84.85", True, _T1, []),
    ("WA.3360.EBA", None, "-", "Layanan Dukungan Manajemen Internal", "69.778.000", "59.206.472", "84.85", True, _S1, []),
    ("WA.3360.EBA.994", None, "\u2022", "Layanan Perkantoran", "69.778.000", "59.206.472", "84.85", True, "",
     ["Pelaksanaan Layanan Perkantoran direalisasikan dengan baik dengan permasalahan tidak ada masalah."]),
    ("WA.6634", None, "3.", "Data dan Informasi", "8.340.000", "7.480.000", "89.69", True, _T1, []),
    ("WA.6634.EBA", None, "-", "Layanan Dukungan Manajemen Internal", "8.340.000", "7.480.000", "89.69", True, _S1, []),
    ("WA.6634.EBA.963", None, "\u2022", "Layanan Data dan Informasi", "8.340.000", "7.480.000", "89.69", True, "",
     ["Pelaksanaan Layanan Data dan Informasi direalisasikan dengan baik dengan cara melakukan pelayanan baik di dalam kantor maupun diluar kantor, sehingga data yang diterima akan sesuai."]),
]

LAPTAH_SERANG = {
    "name": "laptah_kota_serang_2023",
    "document": {"satker": "KPU Kota Serang", "year": 2023, "doc_type": "LAPTAH"},
    "cover": ["LAPORAN TAHUNAN", "2023", "KOMISI PEMILIHAN UMUM", "KOTA SERANG"],
    "kata_pengantar": [
        "Puji dan syukur kami ucapkan kehadirat Allah SWT, atas limpahan rahmat dan karunia-Nya sehingga Laporan Tahunan Komisi Pemilihan Umum Kota Serang Tahun 2023 dapat di selesaikan dengan baik.",
        "Laporan Tahunan ini disusun berdasarkan Surat Sekretaris Jenderal Komisi Pemilihan Umum Republik Indonesia Nomor 3203/PR.03-SD/01/2023 tanggal 13 Desember 2023 tentang Laporan Tahunan Tahun 2023. Laporan Tahunan merupakan wujud pertanggung jawaban atas pelaksanaan perencanaan dan pelaksanaan program kerja sesuai visi dan misi KPU Kota Serang tahun 2023.",
        "Akhir kata semoga Laporan Tahunan KPU Kota Serang Tahun 2023 ini bermanfaat dan dapat dijadikan parameter terhadap pencapaian kinerja dan dijadikan sebagai bahan masukan untuk peningkatan kinerja dalam penyelenggaraan pemerintahan dan pembangunan serta pelayanan kepada masyarakat pada tahun berikutnya.",
    ],
    "kp_sign": ["Serang, 31 Januari 2024", "Sekretaris", "Hendro Sulistyo"],
    "bab1": [
        "Komisi Pemilihan Umum yang selanjutnya disingkat KPU adalah Lembaga Penyelenggara Pemilu yang bersifat nasional, tetap dan mandiri dalam melaksanakan Pemilihan Umum (Pemilu) untuk memilih Anggota Dewan Perwakilan Rakyat, Dewan Perwakilan Daerah dan Dewan Perwakilan Rakyat Daerah, Presiden dan Wakil Presiden secara langsung oleh rakyat serta memilih Gubernur, Bupati dan Walikota secara demokratis.",
        "Untuk melaksanakan tugas merencanakan program dan anggaran Komisi Pemilihan Umum, telah diterbitkan Keputusan Komisi Pemilihan Umum Nomor 197/PR.01.3-Kpt/01/KPU/IV/2020 tentang Rencana Strategis Komisi Pemilihan Umum Tahun 2020-2024 yang memuat uraian visi, misi, tujuan, strategi, kebijakan, program, dan kegiatan prioritas pada kurun waktu tahun 2020 sampai dengan tahun 2024.",
        "Laporan tahunan ini memberikan penjelasan mengenai susunan organisasi, program dan Anggaran (alokasi dan realisasi) dan capaian prioritas Nasional selama satu tahun. Laporan tersebut sebagai bentuk pertanggungjawaban KPU Kota Serang dalam penggunaan anggaran APBN tahun anggaran 2023 dan menjadi bahan evaluasi penggunaan anggaran ditahun berikutnya.",
    ],
    "bab2": [
        "Berdasarkan Peraturan Komisi Pemilihan Umum Nomor 14 Tahun 2020 tentang Tugas, Fungsi, Susunan Organisasi, dan Tata Kerja Sekretariat Jenderal Komisi Pemilihan Umum, Sekretariat Komisi Pemilihan Umum Provinsi, dan Sekretariat Komisi Pemilihan Umum Kabupaten/Kota, Sekretariat KPU Kota Serang dipimpin oleh seorang Sekretaris yaitu Hendro Sulistyo dibantu oleh 4 orang Kepala Sub Bagian dan kelompok Jabatan Fungsional, yang terdiri atas:",
        "1. Sub. Bagian Keuangan, Umum dan Logistik, dipimpin oleh Andre Minggon Munggaran.",
        "2. Sub. Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Humas, dipimpin oleh Tomi Irawan.",
        "3. Sub Bagian Perencanaan, Data dan Informasi, dipimpin oleh Dede Kusmana.",
        "4. Sub Bagian Hukum dan Sumber Daya Manusia, dipimpin oleh Ratih Permata WM.",
    ],
    "prog_cq_heading": "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi (076.01.CQ)",
    "prog_cq_sub": "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi (Alokasi dan Realisasi Anggaran)",
    "prog_cq_sentence": "Alokasi anggaran kegiatan Komisi Pemilihan Umum Kota Serang selama Tahun 2023 sebagaimana tercantum dalam Daftar Isian Pelaksanaan Anggaran (DIPA) Tahun Anggaran 2023 dengan indikator kegiatan Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi dengan anggaran sebesar Rp. 18.256.293.000 dan realisasi sebesar Rp. 18.168.826.339 atau 99.52%, dengan rincian sebagai berikut:",
    "prog_cq_sentence_values": ("076.01.CQ", "18.256.293.000", "18.168.826.339", "99.52"),
    "prog_wa_heading": "Program Dukungan Manajemen (076.01.WA)",
    "prog_wa_sub": "(Alokasi dan Realisasi Anggaran)",
    "prog_wa_sentence": "Alokasi anggaran kegiatan Komisi Pemilihan Umum Kota Serang selama Tahun 2023 sebagaimana tercantum dalam Daftar Isian Pelaksanaan Anggaran (DIPA) Tahun Anggaran 2023 dengan indikator kegiatan Program Dukungan Manajemen dengan anggaran sebesar Rp. 2.170.936.000 dengan realisasi sebesar Rp. 2.158.035.549 atau 99.93%",
    "prog_wa_sentence_values": ("076.01.WA", "2.170.936.000", "2.158.035.549", "99.93"),
    "table_cq": LAPTAH_TABLE_CQ,
    "table_wa": LAPTAH_TABLE_WA,
    "narrative": LAPTAH_NARRATIVE,
    "penutup": [
        "Secara umum program dan kegiatan KPU Kota Serang selama tahun 2023 sebagaimana yang tercantum dalam DIPA Tahun Anggaran 2023 dari sasaran strategis yang ditetapkan dalam 2 (dua) program, kegiatan dan Output dapat direalisasikan.",
        "Melalui laporan tahunan Tahun Anggaran 2023 ini diharapkan dapat memberikan gambaran, panduan dan pemahaman terhadap satker dalam mengelola, mempertanggungjawabkan, dan melakukan perubahan anggaran (revisi) sesuai dengan ketentuan yang berlaku.",
    ],
}

ALL_SPECS = [RAK_SERANG, RAK_TABANAN, RKT_SERANG, PK_SERANG, LAKIP_SERANG, LAPTAH_SERANG]
