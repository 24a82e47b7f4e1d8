using ShortApi.Vidu.Images;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Tests.Support
{
    /// <summary>Create requests the core tests send: a picture by URL, so nothing is read from disk.</summary>
    internal static class Requests
    {
        public static CreateJobRequest ByUrl(string prompt = "slow dolly in", string picture = "https://example.com/cat.png") =>
            new CreateJobRequest(ImageReference.FromUrl(picture), prompt);
    }
}
