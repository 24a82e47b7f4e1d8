namespace ShortApi.Vidu.Emulator;

/// <summary>What a scripted fault token does to the request that takes it.</summary>
internal enum FaultKind
{
    /// <summary>Answer this HTTP status (429 carries Retry-After; create 500/502/504 first create the job).</summary>
    HttpStatus,

    /// <summary>Abort the connection without an answer (create: after creating the job).</summary>
    Drop,

    /// <summary>Download: announce the full length, send half, then abort.</summary>
    DropHalf,

    /// <summary>Wait some milliseconds, then answer normally.</summary>
    Slow,

    /// <summary>200 with an HTML error page instead of JSON.</summary>
    Html,

    /// <summary>200 with an empty body.</summary>
    Empty,

    /// <summary>200 with JSON cut off halfway.</summary>
    Truncated,

    /// <summary>200 with a non-zero code and the message under a chosen field.</summary>
    ErrorCode,

    /// <summary>Query: report this status number once.</summary>
    ReportStatus,

    /// <summary>Query: report success with an empty result list.</summary>
    NoUrl,

    /// <summary>400 whose message repeats the Authorization header, as a careless server might: a client must mask it.</summary>
    EchoAuthorization,

    /// <summary>The normal answer (create: the job is made and counted) under a Content-Type naming a charset nobody knows.</summary>
    BadCharset,
}
