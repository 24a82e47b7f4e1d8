using System;

namespace ShortApi.Vidu.Emulator;

/// <summary>A create body that passed its model's rules: the model, the arguments read from it, and where to post the result.</summary>
internal sealed record ValidatedCreate(ModelSpec Model, CreateArguments Arguments, Uri? CallbackUrl);
