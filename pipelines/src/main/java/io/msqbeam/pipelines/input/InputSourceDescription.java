package io.msqbeam.pipelines.input;

import io.msqbeam.translator.plan.HttpInputSource;
import io.msqbeam.translator.plan.InlineInputSource;
import io.msqbeam.translator.plan.InputSource;
import io.msqbeam.translator.plan.LocalInputSource;
import java.util.List;

/**
 * How Druid names an input source in a fault's {@code source} field: {@code external input source: }
 * and the source's own {@code toString()} ({@code LocalInputSource{baseDir="…", filter=…, files=[…]}},
 * {@code InlineInputSource{data='…'}}, {@code HttpInputSource{uris="[…]", …}}), so that messages read
 * the same as Druid's. Passwords are never printed.
 */
public final class InputSourceDescription {
  private InputSourceDescription() {}

  public static String of(InputSource source) {
    return "external input source: " + toDruidString(source);
  }

  static String toDruidString(InputSource source) {
    if (source instanceof InlineInputSource inline) {
      return "InlineInputSource{data='" + inline.data() + "'}";
    }
    if (source instanceof HttpInputSource http) {
      return "HttpInputSource{uris=\"" + http.uris() + "\", httpAuthenticationUsername="
          + http.httpAuthenticationUsername() + ", httpAuthenticationPasswordProvider="
          + (http.httpAuthenticationPassword() == null ? null : "<hidden>") + "}";
    }
    LocalInputSource local = (LocalInputSource) source;
    return "LocalInputSource{baseDir=\"" + local.baseDir() + "\", filter=" + local.filter() + ", files="
        + (local.files() == null ? List.of() : local.files()) + "}";
  }
}
