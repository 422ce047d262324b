import SZServer
import Testing

@Suite("settings.json")
struct SettingsTests {
    func parse(_ text: String, environment: [String: String] = [:]) throws(SettingsError) -> ServerSettings.Parsed {
        try ServerSettings.parse(text, fileName: "settings.json", environment: environment)
    }

    /// The problems `text` produces, as one message per line.
    func problems(_ text: String, environment: [String: String] = [:]) -> [String] {
        do {
            _ = try parse(text, environment: environment)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test("The default file holds every key with the default values and no warnings")
    func defaultFile() throws {
        let parsed = try parse(ServerSettings.defaultFileText)
        #expect(parsed.settings == .defaults)
        #expect(parsed.warnings.isEmpty)
    }

    @Test("An empty object gives the defaults: every key may be left out")
    func emptyObject() throws {
        #expect(try parse("{}").settings == .defaults)
    }

    @Test("The wiki's keys are read with their meaning")
    func wikiExample() throws {
        let text = """
            {
              "title": "MYVTT", "expire": 86400,
              "file_limit": {"token": 3, "background": 11, "game": 16, "music": 12, "pack": 60},
              "playercolors": ["#C52828", "#13aa4f"],
              "links": [{"label": "TERMS", "url": "/static/terms.html"}, {"label": "Code", "url": "https://example.org/code"}],
              "shards": ["https://vtt2.example.org"],
              "hosting": {"domain": "vtt.example.org", "port": 8443, "socket": "", "ssl": true, "reverse": false,
                          "hosting_url": "", "hosting_websocket_url": ""},
              "login": {"type": "", "client_id": "id", "client_secret": "s3cret", "whitelist": ["42"], "min_pledge": 100},
              "notify": {"type": "email", "host": "smtp.example.org", "port": 587, "sender": "vtt@example.org",
                         "user": "vtt", "password": "pw"},
              "cleanup": {"expire": 86400, "daytime": "04:30"}
            }
            """
        let settings = try parse(text).settings
        #expect(settings.title == "MYVTT")
        #expect(settings.expire == 86400 && settings.cleanup.expire == 86400)
        let limits = settings.fileLimit
        #expect([limits.token, limits.background, limits.game, limits.music, limits.pack] == [3, 11, 16, 12, 60])
        #expect(settings.playerColors == ["#C52828", "#13aa4f"])
        #expect(settings.links.map(\.url) == ["/static/terms.html", "https://example.org/code"])
        #expect(settings.shards == ["https://vtt2.example.org"])
        #expect(settings.hosting.domain == "vtt.example.org" && settings.hosting.port == 8443 && settings.hosting.ssl)
        #expect(
            settings.login.type == .developer && settings.login.whitelist == ["42"] && settings.login.minPledge == 100
        )
        #expect(settings.login.clientSecret.value == "s3cret")
        #expect(settings.notify.type == .email && settings.notify.password.value == "pw")
        #expect(settings.cleanup.daytime == "04:30")
    }

    @Test("Booleans must be JSON booleans: the string \"false\" is refused, not read as true")
    func stringBoolean() {
        #expect(
            problems(#"{"hosting": {"ssl": "false"}}"#) == [
                "settings.json: hosting.ssl: expected a boolean, got the string \"false\". Fix: write true or false, without quotes."
            ]
        )
    }

    @Test(
        "Wrong types and values name the key and the fix",
        arguments: [
            (#"{"title": 5}"#, "settings.json: title: expected a string, got the number 5. Fix: write \"text\"."),
            (
                #"{"title": ""}"#,
                "settings.json: title: must be 1 to 100 characters without control characters. Fix: shorten it."
            ),
            (#"{"expire": -1}"#, "settings.json: expire: -1 is out of range. Fix: use an integer from 0 to 315360000."),
            (
                #"{"expire": 1.5}"#,
                "settings.json: expire: expected an integer from 0 to 315360000, got the number 1.5. Fix: write 2592000."
            ),
            (
                #"{"file_limit": {"pack": 0}}"#,
                "settings.json: file_limit.pack: 0 is out of range. Fix: use an integer from 1 to 4096."
            ),
            (
                #"{"file_limit": 5}"#,
                "settings.json: file_limit: expected an object, got the number 5. Fix: write { … } with its keys."
            ),
            (
                #"{"playercolors": ["red"]}"#,
                "settings.json: playercolors: item 0: \"red\" is not a colour. Fix: write colours as \"#RRGGBB\", e.g. \"#C52828\"."
            ),
            (
                #"{"playercolors": []}"#,
                "settings.json: playercolors: the list is empty. Fix: give at least one colour, e.g. [\"#C52828\"]."
            ),
            (
                ##"{"playercolors": "#C52828"}"##,
                "settings.json: playercolors: expected an array of strings, got the string \"#C52828\". Fix: write [\"…\"]."
            ),
            (
                #"{"links": [{"label": "x", "url": "javascript:alert(1)"}]}"#,
                "settings.json: links[0].url: \"javascript:alert(1)\" is neither a path nor an http(s) URL. Fix: write \"/terms.html\" or \"https://…\"."
            ),
            (#"{"links": [{"url": "/a"}]}"#, "settings.json: links[0].label: is missing. Fix: add \"label\"."),
            (
                #"{"links": ["/a"]}"#,
                "settings.json: links[0]: expected an object, got the string \"/a\". Fix: write { … }."
            ),
            (
                #"{"shards": ["vtt2"]}"#,
                "settings.json: shards: item 0: \"vtt2\" is not a full http or https URL. Fix: write it as \"https://vtt.example.org\"."
            ),
            (
                #"{"hosting": {"port": 70000}}"#,
                "settings.json: hosting.port: 70000 is out of range. Fix: use an integer from 1 to 65535."
            ),
            (
                #"{"hosting": {"domain": "bad host"}}"#,
                "settings.json: hosting.domain: \"bad host\" is not a host name. Fix: write a name such as \"vtt.example.org\"."
            ),
            (
                #"{"hosting": {"hosting_websocket_url": "wss://"}}"#,
                "settings.json: hosting.hosting_websocket_url: \"wss://\" is not a full ws or wss URL. Fix: write it as \"wss://vtt.example.org\"."
            ),
            (
                #"{"login": {"type": "patreon"}}"#,
                "settings.json: login.type: unknown value \"patreon\". Fix: use one of \"\" (developer login: a name is enough), \"password\" (accounts with passwords)."
            ),
            (
                #"{"notify": {"type": "discord"}}"#,
                "settings.json: notify.type: unknown value \"discord\". Fix: use one of \"\" (log only), \"email\" (send e-mail through the SMTP server in notify.host)."
            ),
            (
                #"{"notify": {"port": "587"}}"#,
                "settings.json: notify.port: expected an integer from 1 to 65535, got the string \"587\". Fix: write 587."
            ),
            (
                #"{"notify": {"sender": "nobody"}}"#,
                "settings.json: notify.sender: \"nobody\" is not an e-mail address. Fix: write it as \"vtt@example.org\"."
            ),
            (
                #"{"cleanup": {"daytime": "25:00"}}"#,
                "settings.json: cleanup.daytime: \"25:00\" is not a time of day. Fix: write \"HH:MM\" on a 24-hour clock, e.g. \"03:00\"."
            ),
        ]
    )
    func wrongValues(text: String, message: String) {
        #expect(problems(text) == [message])
    }

    @Test(
        "Impossible combinations stop the start",
        arguments: [
            (
                #"{"hosting": {"ssl": true, "reverse": true, "hosting_url": "https://vtt.example.org"}}"#,
                "settings.json: hosting.ssl: hosting.ssl and hosting.reverse are both true, but behind a reverse proxy the proxy does TLS. Fix: set hosting.ssl to false and let the proxy serve https."
            ),
            (
                #"{"hosting": {"reverse": true}}"#,
                "settings.json: hosting.hosting_url: hosting.reverse is true but hosting.hosting_url is empty, so links cannot be built. Fix: set hosting.hosting_url to the public address, e.g. \"https://vtt.example.org\"."
            ),
            (
                #"{"hosting": {"socket": "/run/sz.sock", "ssl": true}}"#,
                "settings.json: hosting.ssl: hosting.ssl is true but hosting.socket is set: direct TLS needs a TCP port. Fix: let the reverse proxy in front of the socket do TLS, and set hosting.ssl to false."
            ),
            (
                #"{"notify": {"type": "email"}}"#,
                "settings.json: notify: notify.type is \"email\" but notify.host or notify.sender is empty. Fix: set the SMTP server in notify.host and the From address in notify.sender, or set notify.type to \"\"."
            ),
            (
                #"{"expire": 60, "cleanup": {"expire": 120}}"#,
                "settings.json: expire: expire is 60 but cleanup.expire is 120; both are the same timeout. Fix: give both the same number of seconds, or keep only one of them."
            ),
        ]
    )
    func impossibleCombinations(text: String, message: String) {
        #expect(problems(text) == [message])
    }

    @Test("Every problem is reported at once")
    func allProblems() {
        #expect(problems(#"{"title": 1, "hosting": {"port": 0, "ssl": 1}}"#).count == 3)
    }

    @Test("A file that is not JSON, or not an object, says where it fails")
    func notJSON() {
        #expect(
            problems("{\n  \"title\": \"x\",\n}") == [
                "settings.json: this is not valid JSON (line 3, column 1: expected a quoted property name). Fix: correct the file, or delete it to get a fresh default one."
            ]
        )
        #expect(
            problems("[]") == [
                "settings.json: the document is an array, not an object. Fix: write the settings as one JSON object { … }."
            ]
        )
    }

    @Test("Messages never show the value of a secret")
    func secretsHidden() {
        let messages = problems(#"{"notify": {"password": 1234}, "login": {"client_secret": ["s3cret"]}}"#)
        #expect(messages.count == 2)
        #expect(messages.allSatisfy { !$0.contains("s3cret") })
        #expect(Secret("s3cret").description == "(hidden)")
    }

    @Test("Unknown keys and unknown SZ_ variables are warnings, not errors")
    func unknownKeys() throws {
        let parsed = try parse(
            #"{"titel": "x", "hosting": {"prot": 1}, "links": [{"label": "a", "url": "/a", "icon": "x"}]}"#,
            environment: ["SZ_HOSTNG_PORT": "1", "SZ_TEST_POSTGRES_URL": "postgres://x@y/z", "HOME": "/root"]
        )
        #expect(
            parsed.warnings == [
                "settings.json: unknown key \"links[0].icon\" is ignored",
                "settings.json: unknown key \"titel\" is ignored",
                "settings.json: unknown key \"hosting.prot\" is ignored",
                "environment variable SZ_HOSTNG_PORT is not a setting and is ignored",
            ]
        )
    }

    @Test("SZ_ variables override single keys and are checked like the file")
    func environmentOverrides() throws {
        let settings = try parse(
            #"{"title": "file", "hosting": {"port": 80}}"#,
            environment: [
                "SZ_TITLE": "from env", "SZ_HOSTING_PORT": "9000", "SZ_HOSTING_SSL": "true",
                "SZ_PLAYERCOLORS": ##"["#000000"]"##, "SZ_NOTIFY_PASSWORD": "pw", "SZ_FILE_LIMIT_PACK": "70",
            ]
        ).settings
        #expect(settings.title == "from env")
        #expect(settings.hosting.port == 9000)
        #expect(settings.hosting.ssl)
        #expect(settings.playerColors == ["#000000"])
        #expect(settings.notify.password.value == "pw")
        #expect(settings.fileLimit.pack == 70)
        #expect(
            problems(
                #"{"hosting": {"reverse": true, "hosting_url": "https://vtt.example.org"}}"#,
                environment: ["SZ_HOSTING_SSL": "true"]
            ).first?.hasPrefix("environment variable SZ_HOSTING_SSL and settings.json: hosting.ssl: ") == true
        )
        #expect(
            problems("{}", environment: ["SZ_HOSTING_SSL": "yes"]) == [
                "environment variable SZ_HOSTING_SSL: hosting.ssl: expected a boolean, got the string \"yes\". Fix: write true or false, without quotes."
            ]
        )
    }
}
