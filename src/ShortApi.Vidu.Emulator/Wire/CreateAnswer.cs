namespace ShortApi.Vidu.Emulator;

/// <summary>The JSON of an accepted create.</summary>
internal static class CreateAnswer
{
    /// <summary>
    /// Documented: <c>{"code":0,"data":{"amount":"0.275","job_id":"..."}}</c>. Flat, as the API page's own code examples
    /// read it: <c>{"code":0,"job_id":"...","amount":"0.275"}</c>.
    /// </summary>
    public static byte[] For(EmulatedJob job, bool flat) => JsonReplies.Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("code", 0);
        if (flat)
        {
            writer.WriteString("job_id", job.Id);
            writer.WriteString("amount", AmountText.Of(job.Amount));
        }
        else
        {
            writer.WriteStartObject("data");
            writer.WriteString("amount", AmountText.Of(job.Amount));
            writer.WriteString("job_id", job.Id);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    });
}
