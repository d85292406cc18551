package io.msqbeam.server.sql;

/**
 * Response bodies captured from a real Druid 33 router for fixture query {@code sql-select}
 * ({@code fixtures/druid-real/sql-api/router-8888/sql-select.*.http}), copied byte for byte as Java
 * strings (non-ASCII as {@code \\u} escapes), so that writer tests need neither a server nor the fixture folder.
 */
final class SelectFixtureBodies {
  private SelectFixtureBodies() {}

  /** {@code sql-select.array.header-false}. */
  static final String ARRAY_HEADER_FALSE = "[[\"2015-09-12T00:46:58.771Z\",\"#en.wikipedia\",null,\"added project\",36,36.0,\"false\"],[\"2"
      + "015-09-12T00:47:00.496Z\",\"#ca.wikipedia\",null,\"Robot inserta {{Commonscat}} que enlla\u00e7"
      + "a amb [[commons:category:Rallicula]]\",17,17.0,\"true\"],[\"2015-09-12T01:25:09.876Z\",\"#en.wi"
      + "kipedia\",\"Chicago\",\"Articles talked about South Asia, not Central Asia. Furthermore, Peshaw"
      + "ar, though inhabited by Pashtuns, isn't really \\\"Central Asian\\\" though it has links to it."
      + " More of a frontier South Asian town. Keep in mind it used to have mostly Hindki population.\","
      + "0,-12.0,\"false\"]]\n";

  /** {@code sql-select.array.header-true-sqltypes-true-only}. */
  static final String ARRAY_HEADER_TRUE_SQLTYPES_TRUE_ONLY = "[[\"__time\",\"channel\",\"cityName\",\"comment\",\"added\",\"delta_d\",\"isRobot\"],[\"TIMESTA"
      + "MP\",\"VARCHAR\",\"VARCHAR\",\"VARCHAR\",\"BIGINT\",\"DOUBLE\",\"VARCHAR\"],[\"2015-09-12T00:46"
      + ":58.771Z\",\"#en.wikipedia\",null,\"added project\",36,36.0,\"false\"],[\"2015-09-12T00:47:00.4"
      + "96Z\",\"#ca.wikipedia\",null,\"Robot inserta {{Commonscat}} que enlla\u00e7a amb [[commons:cate"
      + "gory:Rallicula]]\",17,17.0,\"true\"],[\"2015-09-12T01:25:09.876Z\",\"#en.wikipedia\",\"Chicago"
      + "\",\"Articles talked about South Asia, not Central Asia. Furthermore, Peshawar, though inhabite"
      + "d by Pashtuns, isn't really \\\"Central Asian\\\" though it has links to it. More of a frontier"
      + " South Asian town. Keep in mind it used to have mostly Hindki population.\",0,-12.0,\"false\"]]"
      + "\n";

  /** {@code sql-select.array.header-true-types-true-only}. */
  static final String ARRAY_HEADER_TRUE_TYPES_TRUE_ONLY = "[[\"__time\",\"channel\",\"cityName\",\"comment\",\"added\",\"delta_d\",\"isRobot\"],[\"LONG\","
      + "\"STRING\",\"STRING\",\"STRING\",\"LONG\",\"DOUBLE\",\"STRING\"],[\"2015-09-12T00:46:58.771Z\","
      + "\"#en.wikipedia\",null,\"added project\",36,36.0,\"false\"],[\"2015-09-12T00:47:00.496Z\",\"#ca"
      + ".wikipedia\",null,\"Robot inserta {{Commonscat}} que enlla\u00e7a amb [[commons:category:Rallic"
      + "ula]]\",17,17.0,\"true\"],[\"2015-09-12T01:25:09.876Z\",\"#en.wikipedia\",\"Chicago\",\"Article"
      + "s talked about South Asia, not Central Asia. Furthermore, Peshawar, though inhabited by Pashtun"
      + "s, isn't really \\\"Central Asian\\\" though it has links to it. More of a frontier South Asian"
      + " town. Keep in mind it used to have mostly Hindki population.\",0,-12.0,\"false\"]]\n";

  /** {@code sql-select.array.header-true-types-true-sqltypes-true}. */
  static final String ARRAY_HEADER_TRUE_TYPES_TRUE_SQLTYPES_TRUE = "[[\"__time\",\"channel\",\"cityName\",\"comment\",\"added\",\"delta_d\",\"isRobot\"],[\"LONG\","
      + "\"STRING\",\"STRING\",\"STRING\",\"LONG\",\"DOUBLE\",\"STRING\"],[\"TIMESTAMP\",\"VARCHAR\",\"V"
      + "ARCHAR\",\"VARCHAR\",\"BIGINT\",\"DOUBLE\",\"VARCHAR\"],[\"2015-09-12T00:46:58.771Z\",\"#en.wik"
      + "ipedia\",null,\"added project\",36,36.0,\"false\"],[\"2015-09-12T00:47:00.496Z\",\"#ca.wikipedi"
      + "a\",null,\"Robot inserta {{Commonscat}} que enlla\u00e7a amb [[commons:category:Rallicula]]\",1"
      + "7,17.0,\"true\"],[\"2015-09-12T01:25:09.876Z\",\"#en.wikipedia\",\"Chicago\",\"Articles talked "
      + "about South Asia, not Central Asia. Furthermore, Peshawar, though inhabited by Pashtuns, isn't "
      + "really \\\"Central Asian\\\" though it has links to it. More of a frontier South Asian town. Ke"
      + "ep in mind it used to have mostly Hindki population.\",0,-12.0,\"false\"]]\n";

  /** {@code sql-select.array.header-true}. */
  static final String ARRAY_HEADER_TRUE = "[[\"__time\",\"channel\",\"cityName\",\"comment\",\"added\",\"delta_d\",\"isRobot\"],[\"2015-09"
      + "-12T00:46:58.771Z\",\"#en.wikipedia\",null,\"added project\",36,36.0,\"false\"],[\"2015-09-12T0"
      + "0:47:00.496Z\",\"#ca.wikipedia\",null,\"Robot inserta {{Commonscat}} que enlla\u00e7a amb [[com"
      + "mons:category:Rallicula]]\",17,17.0,\"true\"],[\"2015-09-12T01:25:09.876Z\",\"#en.wikipedia\","
      + "\"Chicago\",\"Articles talked about South Asia, not Central Asia. Furthermore, Peshawar, though"
      + " inhabited by Pashtuns, isn't really \\\"Central Asian\\\" though it has links to it. More of a"
      + " frontier South Asian town. Keep in mind it used to have mostly Hindki population.\",0,-12.0,\""
      + "false\"]]\n";

  /** {@code sql-select.array.with-sqlQueryId-and-parameters}. */
  static final String ARRAY_WITH_SQL_QUERY_ID_AND_PARAMETERS = "[[\"channel\",\"cnt\"],[\"#en.wikipedia\",11549]]\n";

  /** {@code sql-select.arrayLines.header-false}. */
  static final String ARRAY_LINES_HEADER_FALSE = "[\"2015-09-12T00:46:58.771Z\",\"#en.wikipedia\",null,\"added project\",36,36.0,\"false\"]\n[\"2"
      + "015-09-12T00:47:00.496Z\",\"#ca.wikipedia\",null,\"Robot inserta {{Commonscat}} que enlla\u00e7"
      + "a amb [[commons:category:Rallicula]]\",17,17.0,\"true\"]\n[\"2015-09-12T01:25:09.876Z\",\"#en.w"
      + "ikipedia\",\"Chicago\",\"Articles talked about South Asia, not Central Asia. Furthermore, Pesha"
      + "war, though inhabited by Pashtuns, isn't really \\\"Central Asian\\\" though it has links to it"
      + ". More of a frontier South Asian town. Keep in mind it used to have mostly Hindki population.\""
      + ",0,-12.0,\"false\"]\n\n";

  /** {@code sql-select.arrayLines.header-true-types-true-sqltypes-true}. */
  static final String ARRAY_LINES_HEADER_TRUE_TYPES_TRUE_SQLTYPES_TRUE = "[\"__time\",\"channel\",\"cityName\",\"comment\",\"added\",\"delta_d\",\"isRobot\"]\n[\"LONG\","
      + "\"STRING\",\"STRING\",\"STRING\",\"LONG\",\"DOUBLE\",\"STRING\"]\n[\"TIMESTAMP\",\"VARCHAR\",\""
      + "VARCHAR\",\"VARCHAR\",\"BIGINT\",\"DOUBLE\",\"VARCHAR\"]\n[\"2015-09-12T00:46:58.771Z\",\"#en.w"
      + "ikipedia\",null,\"added project\",36,36.0,\"false\"]\n[\"2015-09-12T00:47:00.496Z\",\"#ca.wikip"
      + "edia\",null,\"Robot inserta {{Commonscat}} que enlla\u00e7a amb [[commons:category:Rallicula]]"
      + "\",17,17.0,\"true\"]\n[\"2015-09-12T01:25:09.876Z\",\"#en.wikipedia\",\"Chicago\",\"Articles ta"
      + "lked about South Asia, not Central Asia. Furthermore, Peshawar, though inhabited by Pashtuns, i"
      + "sn't really \\\"Central Asian\\\" though it has links to it. More of a frontier South Asian tow"
      + "n. Keep in mind it used to have mostly Hindki population.\",0,-12.0,\"false\"]\n\n";

  /** {@code sql-select.arrayLines.header-true}. */
  static final String ARRAY_LINES_HEADER_TRUE = "[\"__time\",\"channel\",\"cityName\",\"comment\",\"added\",\"delta_d\",\"isRobot\"]\n[\"2015-09"
      + "-12T00:46:58.771Z\",\"#en.wikipedia\",null,\"added project\",36,36.0,\"false\"]\n[\"2015-09-12T"
      + "00:47:00.496Z\",\"#ca.wikipedia\",null,\"Robot inserta {{Commonscat}} que enlla\u00e7a amb [[co"
      + "mmons:category:Rallicula]]\",17,17.0,\"true\"]\n[\"2015-09-12T01:25:09.876Z\",\"#en.wikipedia\""
      + ",\"Chicago\",\"Articles talked about South Asia, not Central Asia. Furthermore, Peshawar, thoug"
      + "h inhabited by Pashtuns, isn't really \\\"Central Asian\\\" though it has links to it. More of "
      + "a frontier South Asian town. Keep in mind it used to have mostly Hindki population.\",0,-12.0,"
      + "\"false\"]\n\n";

  /** {@code sql-select.csv.header-false}. */
  static final String CSV_HEADER_FALSE = "2015-09-12T00:46:58.771Z,#en.wikipedia,,added project,36,36.0,false\n2015-09-12T00:47:00.496Z,#"
      + "ca.wikipedia,,Robot inserta {{Commonscat}} que enlla\u00e7a amb [[commons:category:Rallicula]],"
      + "17,17.0,true\n2015-09-12T01:25:09.876Z,#en.wikipedia,Chicago,\"Articles talked about South Asia"
      + ", not Central Asia. Furthermore, Peshawar, though inhabited by Pashtuns, isn't really \"\"Centr"
      + "al Asian\"\" though it has links to it. More of a frontier South Asian town. Keep in mind it us"
      + "ed to have mostly Hindki population.\",0,-12.0,false\n\n";

  /** {@code sql-select.csv.header-true-types-true-sqltypes-true}. */
  static final String CSV_HEADER_TRUE_TYPES_TRUE_SQLTYPES_TRUE = "__time,channel,cityName,comment,added,delta_d,isRobot\nLONG,STRING,STRING,STRING,LONG,DOUBLE,ST"
      + "RING\nTIMESTAMP,VARCHAR,VARCHAR,VARCHAR,BIGINT,DOUBLE,VARCHAR\n2015-09-12T00:46:58.771Z,#en.wik"
      + "ipedia,,added project,36,36.0,false\n2015-09-12T00:47:00.496Z,#ca.wikipedia,,Robot inserta {{Co"
      + "mmonscat}} que enlla\u00e7a amb [[commons:category:Rallicula]],17,17.0,true\n2015-09-12T01:25:0"
      + "9.876Z,#en.wikipedia,Chicago,\"Articles talked about South Asia, not Central Asia. Furthermore,"
      + " Peshawar, though inhabited by Pashtuns, isn't really \"\"Central Asian\"\" though it has links"
      + " to it. More of a frontier South Asian town. Keep in mind it used to have mostly Hindki populat"
      + "ion.\",0,-12.0,false\n\n";

  /** {@code sql-select.csv.header-true}. */
  static final String CSV_HEADER_TRUE = "__time,channel,cityName,comment,added,delta_d,isRobot\n2015-09-12T00:46:58.771Z,#en.wikipedia,,"
      + "added project,36,36.0,false\n2015-09-12T00:47:00.496Z,#ca.wikipedia,,Robot inserta {{Commonscat"
      + "}} que enlla\u00e7a amb [[commons:category:Rallicula]],17,17.0,true\n2015-09-12T01:25:09.876Z,#"
      + "en.wikipedia,Chicago,\"Articles talked about South Asia, not Central Asia. Furthermore, Peshawa"
      + "r, though inhabited by Pashtuns, isn't really \"\"Central Asian\"\" though it has links to it. "
      + "More of a frontier South Asian town. Keep in mind it used to have mostly Hindki population.\",0"
      + ",-12.0,false\n\n";

  /** {@code sql-select.default-format}. */
  static final String DEFAULT_FORMAT = "[{\"__time\":\"2015-09-12T00:46:58.771Z\",\"channel\":\"#en.wikipedia\",\"cityName\":null,\"com"
      + "ment\":\"added project\",\"added\":36,\"delta_d\":36.0,\"isRobot\":\"false\"},{\"__time\":\"201"
      + "5-09-12T00:47:00.496Z\",\"channel\":\"#ca.wikipedia\",\"cityName\":null,\"comment\":\"Robot ins"
      + "erta {{Commonscat}} que enlla\u00e7a amb [[commons:category:Rallicula]]\",\"added\":17,\"delta_"
      + "d\":17.0,\"isRobot\":\"true\"},{\"__time\":\"2015-09-12T01:25:09.876Z\",\"channel\":\"#en.wikip"
      + "edia\",\"cityName\":\"Chicago\",\"comment\":\"Articles talked about South Asia, not Central Asi"
      + "a. Furthermore, Peshawar, though inhabited by Pashtuns, isn't really \\\"Central Asian\\\" thou"
      + "gh it has links to it. More of a frontier South Asian town. Keep in mind it used to have mostly"
      + " Hindki population.\",\"added\":0,\"delta_d\":-12.0,\"isRobot\":\"false\"}]\n";

  /** {@code sql-select.object.header-false-types-true}. */
  static final String OBJECT_HEADER_FALSE_TYPES_TRUE = "{\"error\":\"Unknown exception\",\"errorMessage\":\"Cannot construct instance of `org.apache.dr"
      + "uid.sql.http.SqlQuery`, problem: Cannot include 'typesHeader' without 'header'\\n at [Source: ("
      + "org.eclipse.jetty.server.HttpInputOverHTTP); line: 1, column: 330]\",\"errorClass\":\"com.faste"
      + "rxml.jackson.databind.exc.ValueInstantiationException\",\"host\":null}";

  /** {@code sql-select.object.header-false}. */
  static final String OBJECT_HEADER_FALSE = "[{\"__time\":\"2015-09-12T00:46:58.771Z\",\"channel\":\"#en.wikipedia\",\"cityName\":null,\"com"
      + "ment\":\"added project\",\"added\":36,\"delta_d\":36.0,\"isRobot\":\"false\"},{\"__time\":\"201"
      + "5-09-12T00:47:00.496Z\",\"channel\":\"#ca.wikipedia\",\"cityName\":null,\"comment\":\"Robot ins"
      + "erta {{Commonscat}} que enlla\u00e7a amb [[commons:category:Rallicula]]\",\"added\":17,\"delta_"
      + "d\":17.0,\"isRobot\":\"true\"},{\"__time\":\"2015-09-12T01:25:09.876Z\",\"channel\":\"#en.wikip"
      + "edia\",\"cityName\":\"Chicago\",\"comment\":\"Articles talked about South Asia, not Central Asi"
      + "a. Furthermore, Peshawar, though inhabited by Pashtuns, isn't really \\\"Central Asian\\\" thou"
      + "gh it has links to it. More of a frontier South Asian town. Keep in mind it used to have mostly"
      + " Hindki population.\",\"added\":0,\"delta_d\":-12.0,\"isRobot\":\"false\"}]\n";

  /** {@code sql-select.object.header-true-types-true-sqltypes-true}. */
  static final String OBJECT_HEADER_TRUE_TYPES_TRUE_SQLTYPES_TRUE = "[{\"__time\":{\"type\":\"LONG\",\"sqlType\":\"TIMESTAMP\"},\"channel\":{\"type\":\"STRING\",\"s"
      + "qlType\":\"VARCHAR\"},\"cityName\":{\"type\":\"STRING\",\"sqlType\":\"VARCHAR\"},\"comment\":{"
      + "\"type\":\"STRING\",\"sqlType\":\"VARCHAR\"},\"added\":{\"type\":\"LONG\",\"sqlType\":\"BIGINT"
      + "\"},\"delta_d\":{\"type\":\"DOUBLE\",\"sqlType\":\"DOUBLE\"},\"isRobot\":{\"type\":\"STRING\","
      + "\"sqlType\":\"VARCHAR\"}},{\"__time\":\"2015-09-12T00:46:58.771Z\",\"channel\":\"#en.wikipedia"
      + "\",\"cityName\":null,\"comment\":\"added project\",\"added\":36,\"delta_d\":36.0,\"isRobot\":\""
      + "false\"},{\"__time\":\"2015-09-12T00:47:00.496Z\",\"channel\":\"#ca.wikipedia\",\"cityName\":nu"
      + "ll,\"comment\":\"Robot inserta {{Commonscat}} que enlla\u00e7a amb [[commons:category:Rallicula"
      + "]]\",\"added\":17,\"delta_d\":17.0,\"isRobot\":\"true\"},{\"__time\":\"2015-09-12T01:25:09.876Z"
      + "\",\"channel\":\"#en.wikipedia\",\"cityName\":\"Chicago\",\"comment\":\"Articles talked about S"
      + "outh Asia, not Central Asia. Furthermore, Peshawar, though inhabited by Pashtuns, isn't really "
      + "\\\"Central Asian\\\" though it has links to it. More of a frontier South Asian town. Keep in m"
      + "ind it used to have mostly Hindki population.\",\"added\":0,\"delta_d\":-12.0,\"isRobot\":\"fal"
      + "se\"}]\n";

  /** {@code sql-select.object.header-true}. */
  static final String OBJECT_HEADER_TRUE = "[{\"__time\":null,\"channel\":null,\"cityName\":null,\"comment\":null,\"added\":null,\"delta_d"
      + "\":null,\"isRobot\":null},{\"__time\":\"2015-09-12T00:46:58.771Z\",\"channel\":\"#en.wikipedia"
      + "\",\"cityName\":null,\"comment\":\"added project\",\"added\":36,\"delta_d\":36.0,\"isRobot\":\""
      + "false\"},{\"__time\":\"2015-09-12T00:47:00.496Z\",\"channel\":\"#ca.wikipedia\",\"cityName\":nu"
      + "ll,\"comment\":\"Robot inserta {{Commonscat}} que enlla\u00e7a amb [[commons:category:Rallicula"
      + "]]\",\"added\":17,\"delta_d\":17.0,\"isRobot\":\"true\"},{\"__time\":\"2015-09-12T01:25:09.876Z"
      + "\",\"channel\":\"#en.wikipedia\",\"cityName\":\"Chicago\",\"comment\":\"Articles talked about S"
      + "outh Asia, not Central Asia. Furthermore, Peshawar, though inhabited by Pashtuns, isn't really "
      + "\\\"Central Asian\\\" though it has links to it. More of a frontier South Asian town. Keep in m"
      + "ind it used to have mostly Hindki population.\",\"added\":0,\"delta_d\":-12.0,\"isRobot\":\"fal"
      + "se\"}]\n";

  /** {@code sql-select.objectLines.header-false}. */
  static final String OBJECT_LINES_HEADER_FALSE = "{\"__time\":\"2015-09-12T00:46:58.771Z\",\"channel\":\"#en.wikipedia\",\"cityName\":null,\"comm"
      + "ent\":\"added project\",\"added\":36,\"delta_d\":36.0,\"isRobot\":\"false\"}\n{\"__time\":\"201"
      + "5-09-12T00:47:00.496Z\",\"channel\":\"#ca.wikipedia\",\"cityName\":null,\"comment\":\"Robot ins"
      + "erta {{Commonscat}} que enlla\u00e7a amb [[commons:category:Rallicula]]\",\"added\":17,\"delta_"
      + "d\":17.0,\"isRobot\":\"true\"}\n{\"__time\":\"2015-09-12T01:25:09.876Z\",\"channel\":\"#en.wiki"
      + "pedia\",\"cityName\":\"Chicago\",\"comment\":\"Articles talked about South Asia, not Central As"
      + "ia. Furthermore, Peshawar, though inhabited by Pashtuns, isn't really \\\"Central Asian\\\" tho"
      + "ugh it has links to it. More of a frontier South Asian town. Keep in mind it used to have mostl"
      + "y Hindki population.\",\"added\":0,\"delta_d\":-12.0,\"isRobot\":\"false\"}\n\n";

  /** {@code sql-select.objectLines.header-true-types-true-sqltypes-true}. */
  static final String OBJECT_LINES_HEADER_TRUE_TYPES_TRUE_SQLTYPES_TRUE = "{\"__time\":{\"type\":\"LONG\",\"sqlType\":\"TIMESTAMP\"},\"channel\":{\"type\":\"STRING\",\"sq"
      + "lType\":\"VARCHAR\"},\"cityName\":{\"type\":\"STRING\",\"sqlType\":\"VARCHAR\"},\"comment\":{\""
      + "type\":\"STRING\",\"sqlType\":\"VARCHAR\"},\"added\":{\"type\":\"LONG\",\"sqlType\":\"BIGINT\"}"
      + ",\"delta_d\":{\"type\":\"DOUBLE\",\"sqlType\":\"DOUBLE\"},\"isRobot\":{\"type\":\"STRING\",\"sq"
      + "lType\":\"VARCHAR\"}}\n{\"__time\":\"2015-09-12T00:46:58.771Z\",\"channel\":\"#en.wikipedia\","
      + "\"cityName\":null,\"comment\":\"added project\",\"added\":36,\"delta_d\":36.0,\"isRobot\":\"fal"
      + "se\"}\n{\"__time\":\"2015-09-12T00:47:00.496Z\",\"channel\":\"#ca.wikipedia\",\"cityName\":null"
      + ",\"comment\":\"Robot inserta {{Commonscat}} que enlla\u00e7a amb [[commons:category:Rallicula]]"
      + "\",\"added\":17,\"delta_d\":17.0,\"isRobot\":\"true\"}\n{\"__time\":\"2015-09-12T01:25:09.876Z"
      + "\",\"channel\":\"#en.wikipedia\",\"cityName\":\"Chicago\",\"comment\":\"Articles talked about S"
      + "outh Asia, not Central Asia. Furthermore, Peshawar, though inhabited by Pashtuns, isn't really "
      + "\\\"Central Asian\\\" though it has links to it. More of a frontier South Asian town. Keep in m"
      + "ind it used to have mostly Hindki population.\",\"added\":0,\"delta_d\":-12.0,\"isRobot\":\"fal"
      + "se\"}\n\n";

  /** {@code sql-select.objectLines.header-true}. */
  static final String OBJECT_LINES_HEADER_TRUE = "{\"__time\":null,\"channel\":null,\"cityName\":null,\"comment\":null,\"added\":null,\"delta_d\""
      + ":null,\"isRobot\":null}\n{\"__time\":\"2015-09-12T00:46:58.771Z\",\"channel\":\"#en.wikipedia\""
      + ",\"cityName\":null,\"comment\":\"added project\",\"added\":36,\"delta_d\":36.0,\"isRobot\":\"fa"
      + "lse\"}\n{\"__time\":\"2015-09-12T00:47:00.496Z\",\"channel\":\"#ca.wikipedia\",\"cityName\":nul"
      + "l,\"comment\":\"Robot inserta {{Commonscat}} que enlla\u00e7a amb [[commons:category:Rallicula]"
      + "]\",\"added\":17,\"delta_d\":17.0,\"isRobot\":\"true\"}\n{\"__time\":\"2015-09-12T01:25:09.876Z"
      + "\",\"channel\":\"#en.wikipedia\",\"cityName\":\"Chicago\",\"comment\":\"Articles talked about S"
      + "outh Asia, not Central Asia. Furthermore, Peshawar, though inhabited by Pashtuns, isn't really "
      + "\\\"Central Asian\\\" though it has links to it. More of a frontier South Asian town. Keep in m"
      + "ind it used to have mostly Hindki population.\",\"added\":0,\"delta_d\":-12.0,\"isRobot\":\"fal"
      + "se\"}\n\n";
}
