extension ServerSettings {
    /// The `settings.json` written on first start: every key with its default value. JSON has no comments, so
    /// `docs/administration.md` explains each key; a test keeps this text equal to `ServerSettings.defaults`.
    public static let defaultFileText = """
        {
          "title": "SessionZero",
          "expire": 2592000,
          "file_limit": {
            "token": 2,
            "background": 10,
            "game": 15,
            "music": 10,
            "pack": 50
          },
          "playercolors": ["#C52828", "#13AA4F", "#ECBC15", "#7F99C7", "#9251B7", "#797A90", "#80533F", "#21A0B7"],
          "links": [],
          "shards": [],
          "hosting": {
            "domain": "",
            "port": 8080,
            "socket": "",
            "ssl": false,
            "reverse": false,
            "hosting_url": "",
            "hosting_websocket_url": ""
          },
          "login": {
            "type": "password",
            "client_id": "",
            "client_secret": "",
            "whitelist": [],
            "min_pledge": 0
          },
          "notify": {
            "type": "",
            "host": "",
            "port": 587,
            "sender": "",
            "user": "",
            "password": ""
          },
          "cleanup": {
            "expire": 2592000,
            "daytime": "03:00"
          }
        }

        """
}
