namespace ShortApi.Vidu.Emulator;

/// <summary>What a scripted fault token does to the request that takes it.</summary>
internal enum FaultKind
{
    /// <summary>No fault: the request is handled normally, and no random fault strikes it either (lets a script skip requests).</summary>
    Pass,

    /// <summary>A refusal in the service's own envelope with this HTTP status: the service did not act (create: no job).</summary>
    HttpStatus,

    /// <summary>A gateway's bare text page with this 5xx status (create: after the job was made, so the outcome is unknown to the client).</summary>
    Gateway,

    /// <summary>Abort the connection without an answer (create: after creating the job).</summary>
    Drop,

    /// <summary>Download: announce the full length, send half, then abort.</summary>
    DropHalf,

    /// <summary>Wait some milliseconds before acting, then answer normally (create: nothing is made if the client goes away meanwhile).</summary>
    Slow,

    /// <summary>Create: make the job at once, then wait some milliseconds before answering (the job stays even if the client goes away).</summary>
    Late,

    /// <summary>200 with an HTML page instead of JSON (download: instead of the video).</summary>
    Html,

    /// <summary>Download: the HTML page served under <c>Content-Type: video/mp4</c>, as a misconfigured CDN might.</summary>
    HtmlAsVideo,

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
