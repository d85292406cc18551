package io.msqbeam.translator.plan;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** External data read by EXTERN: an input source, an input format and the declared row signature. */
public record ExternalInputSpec(InputSource inputSource, InputFormat inputFormat, List<ColumnSignature> signature)
    implements java.io.Serializable, InputSpec {
  public ExternalInputSpec {
    requireNonNull(inputSource, "inputSource is null");
    requireNonNull(inputFormat, "inputFormat is null");
    signature = List.copyOf(requireNonNull(signature, "signature is null"));
  }
}
