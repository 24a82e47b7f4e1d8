namespace ShortApi.Vidu.Downloads
{
    /// <summary>A video downloaded completely into a temporary file beside its target, with its size and SHA-256.</summary>
    internal sealed class ReceivedVideo
    {
        public ReceivedVideo(string temporaryPath, long length, string sha256)
        {
            TemporaryPath = temporaryPath;
            Length = length;
            Sha256 = sha256;
        }

        public string TemporaryPath { get; }
        public long Length { get; }
        public string Sha256 { get; }
    }
}
