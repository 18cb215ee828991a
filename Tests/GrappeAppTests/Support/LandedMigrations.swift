// Generated once per landed migration; never edit a line: add a new migration instead.
/// SHA-256 of each landed migration's source file (`MigrationChecksumTests`).
enum LandedMigrations {
    static let sha256: [String: String] = [
        "M001CreateOrganisations.swift": "587c393f892b01dc178ce3d7f930b0ca110a48305e4fea032ee95692126f6f5a",
        "M002CreatePeople.swift": "a7973de04c11ebcb6ab6b06af7fe33520d5338975a1ae647f539aeb391236585",
        "M003CreateUsers.swift": "120ff2d7b90dc80ff167526cd70c4cfcc42cfeb077cac3a5f52dfe0fc12cf134",
        "M004CreateCompanies.swift": "56ce0faac298a44897e5ae5a2ecf3f1932e70212720aeef65e7075849c8145ea",
        "M005CreateMemberships.swift": "3d7499e4571690bb11107f2a3d9544663f8e8f7bdef40fda066625d0a28dd1ad",
        "M006CreateDues.swift": "7159048abc7748a830dabd07f9af78f83d1ee61f1958297a3c58c9ec8e969a62",
        "M007CreateAuditAndOutbox.swift": "e70137fd18aa5a7d56505eeae5e59af2a633b2daf1596d616f0515331153afbc",
        "M008CreateIndexes.swift": "034e0530dae9c6f04082e41964b469c16e7e43ddce0f6578786137937dd91646",
        "M009CreateGroups.swift": "4b64141ebe5ae75d37a3806b8ff64c593a72c827ba4553bc95be92020d0c8174",
        "M010CreateEvents.swift": "c43503367cd0be2c87f5b1e3f6ad83c1e563835bf76abc1b45b2ac7974dc3b3f",
        "M011CreateAssemblies.swift": "a2061fc43b34de407129bf89e975ad7d32a3684635929db4940f0e400e2e224f",
        "M012CreatePublicServices.swift": "f88f1f4305457cfa900e20980b9dc5ebf3625df759cf4e2ef6478b352df09345",
        "M013CreateProgrammes.swift": "52a7452b4edfcdf26a140426157ccffe52c0ffb8a915ec776c6dbdf8fa9692f8",
        "M014CreateCollecte.swift": "03995ecac3a993c3bbc50b6a8734d8c0ca7a5430b4bed362ddba28e9add4fcb9",
        "M015CreateReports.swift": "cdae4d1fd8b5176c7d054a4705061dd7d6aef1183c61ff544957d634807f9f96",
        "M016IndexAttendanceByMeeting.swift": "8cadd2ba54df2c65dc3ffd2b6c2b0c66e8ec374ad8c8ac07e0cda1c8fe37ad96",
        "M017AddUserSessionVersion.swift": "deda01d4fd99a68926cb2047c101898d27d84783505e18b951ecc615dd19f7cb",
        "M018StoreDuePaid.swift": "8ba257cd0fa3b8e45ba207860027551a02680370b2b5122742900493a7f3ef2c",
        "M019CreateHackagou.swift": "27c27d54d6b6c70cfc1ce0dca5a9c5fa9e435829c2a9cd5741249324e75f3fa7",
        "M020IndexCTFSolvesByTeam.swift": "e277c71a360cc626d3cba323e85d07be99b176f0b024f5068e17ef0994a5339c",
        "M022CreateDiagnostics.swift": "52769a20a67559eda5037c6a91c0453e70842fa0b62d29d5b7c099a9f5a97854",
        "M023DiagnosticResults.swift": "4b836b59565b275da674217eb5eb227d7a9b42295775e47567b75d01e20e679b",
        "M024RenewalSettings.swift": "d89a3923d1f7879a96c5cbfb97c4ebb896258b0c72b7a58a5f3134aaf3e13914",
        "M025PaymentSettings.swift": "0f96664ba2e738d8f9a94131a420a820a412731c9e224ded29cd88f29bf23566",
        "M026EverydayForms.swift": "45f5cd5719f92d1d0f093f6aecc9fbff09a0989bbc1bc14a89a9b433217d613a",
        "Migrations.swift": "b3ff5a3e0316a3c99f124baa764e7c7615f950184796a5ecd9335e91b92c6bf4",
    ]
}
