package io.poolkeeper.emulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The OData {@code $filter} subset Batch pool lists accept: {@code and}, {@code or}, {@code not},
 * parentheses, the comparisons {@code eq ne gt ge lt le} on property paths ({@code name}, {@code
 * properties/allocationState}), string, number, boolean and {@code datetime'...'} literals, and the
 * functions {@code startswith}, {@code endswith} and {@code contains}. Anything else is rejected
 * with {@link IllegalArgumentException}.
 */
final class ODataFilter {

  private final List<String> tokens;
  private int position;

  private ODataFilter(List<String> tokens) {
    this.tokens = tokens;
  }

  /** Compiles {@code filter} into a test on a rendered resource. */
  static Predicate<JsonNode> compile(String filter) {
    ODataFilter parser = new ODataFilter(tokenize(filter));
    Predicate<JsonNode> predicate = parser.or();
    if (parser.position != parser.tokens.size()) {
      throw new IllegalArgumentException(
          "unexpected '" + parser.tokens.get(parser.position) + "' in filter");
    }
    return predicate;
  }

  private Predicate<JsonNode> or() {
    Predicate<JsonNode> left = and();
    while (acceptKeyword("or")) {
      left = left.or(and());
    }
    return left;
  }

  private Predicate<JsonNode> and() {
    Predicate<JsonNode> left = not();
    while (acceptKeyword("and")) {
      left = left.and(not());
    }
    return left;
  }

  private Predicate<JsonNode> not() {
    if (acceptKeyword("not")) {
      return not().negate();
    }
    return primary();
  }

  private Predicate<JsonNode> primary() {
    if (accept("(")) {
      Predicate<JsonNode> inner = or();
      expect(")");
      return inner;
    }
    String token = next();
    String lower = token.toLowerCase(Locale.ROOT);
    if (lower.equals("startswith") || lower.equals("endswith") || lower.equals("contains")) {
      expect("(");
      Function<JsonNode, Object> subject = operand();
      expect(",");
      Function<JsonNode, Object> argument = operand();
      expect(")");
      Predicate<JsonNode> call =
          resource -> {
            Object value = subject.apply(resource);
            Object text = argument.apply(resource);
            if (!(value instanceof String string) || !(text instanceof String part)) {
              return false;
            }
            return switch (lower) {
              case "startswith" -> string.startsWith(part);
              case "endswith" -> string.endsWith(part);
              default -> string.contains(part);
            };
          };
      if (peekKeyword("eq") || peekKeyword("ne")) {
        boolean negate = next().equalsIgnoreCase("ne");
        boolean expected = Boolean.parseBoolean(next());
        return negate == expected ? call.negate() : call;
      }
      return call;
    }
    position--;
    Function<JsonNode, Object> left = operand();
    String operator = next().toLowerCase(Locale.ROOT);
    Function<JsonNode, Object> right = operand();
    return resource -> compare(left.apply(resource), operator, right.apply(resource));
  }

  private Function<JsonNode, Object> operand() {
    String token = next();
    if (token.startsWith("'")) {
      String value = unquote(token);
      return resource -> value;
    }
    if (token.toLowerCase(Locale.ROOT).startsWith("datetime'")) {
      Instant value = parseInstant(unquote(token.substring("datetime".length())));
      return resource -> value;
    }
    if (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false")) {
      Boolean value = Boolean.valueOf(token);
      return resource -> value;
    }
    if (token.equalsIgnoreCase("null")) {
      return resource -> null;
    }
    if (Character.isDigit(token.charAt(0)) || token.charAt(0) == '-') {
      Double value = Double.valueOf(token);
      return resource -> value;
    }
    if (!Character.isLetter(token.charAt(0))) {
      throw new IllegalArgumentException("expected a value or a property, found '" + token + "'");
    }
    String[] path = token.split("/");
    return resource -> valueAt(resource, path);
  }

  private static Object valueAt(JsonNode resource, String[] path) {
    JsonNode node = resource;
    for (String field : path) {
      node = node.path(field);
    }
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asText();
  }

  private static boolean compare(Object left, String operator, Object right) {
    if (left instanceof Instant || right instanceof Instant) {
      left = asInstant(left);
      right = asInstant(right);
    }
    if (operator.equals("eq")) {
      return Objects.equals(left, right);
    }
    if (operator.equals("ne")) {
      return !Objects.equals(left, right);
    }
    if (left == null || right == null || left.getClass() != right.getClass()) {
      return false;
    }
    int order = compareSameType(left, right);
    return switch (operator) {
      case "gt" -> order > 0;
      case "ge" -> order >= 0;
      case "lt" -> order < 0;
      case "le" -> order <= 0;
      default -> throw new IllegalArgumentException("unknown operator '" + operator + "'");
    };
  }

  private static int compareSameType(Object left, Object right) {
    if (left instanceof Instant instant) {
      return instant.compareTo((Instant) right);
    }
    if (left instanceof Double number) {
      return number.compareTo((Double) right);
    }
    if (left instanceof String text) {
      return text.compareTo((String) right);
    }
    return Boolean.compare((Boolean) left, (Boolean) right);
  }

  private static Object asInstant(Object value) {
    if (value instanceof String text) {
      try {
        return parseInstant(text);
      } catch (IllegalArgumentException e) {
        return value;
      }
    }
    return value;
  }

  private static Instant parseInstant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        throw new IllegalArgumentException("'" + text + "' is not a date-time");
      }
    }
  }

  private static String unquote(String token) {
    return token.substring(1, token.length() - 1).replace("''", "'");
  }

  private boolean accept(String token) {
    if (position < tokens.size() && tokens.get(position).equals(token)) {
      position++;
      return true;
    }
    return false;
  }

  private boolean acceptKeyword(String keyword) {
    if (peekKeyword(keyword)) {
      position++;
      return true;
    }
    return false;
  }

  private boolean peekKeyword(String keyword) {
    return position < tokens.size() && tokens.get(position).equalsIgnoreCase(keyword);
  }

  private void expect(String token) {
    if (!accept(token)) {
      throw new IllegalArgumentException("expected '" + token + "' in filter");
    }
  }

  private String next() {
    if (position >= tokens.size()) {
      throw new IllegalArgumentException("the filter ends too early");
    }
    return tokens.get(position++);
  }

  private static List<String> tokenize(String filter) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ',') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (c == '\'') {
        int end = endOfString(filter, i);
        tokens.add(filter.substring(i, end));
        i = end;
      } else {
        int start = i;
        while (i < filter.length()
            && !Character.isWhitespace(filter.charAt(i))
            && "(),'".indexOf(filter.charAt(i)) < 0) {
          i++;
        }
        if (i < filter.length() && filter.charAt(i) == '\'') {
          // A typed literal such as datetime'2017-02-02'.
          i = endOfString(filter, i);
        }
        tokens.add(filter.substring(start, i));
      }
    }
    return tokens;
  }

  private static int endOfString(String filter, int quote) {
    int i = quote + 1;
    while (i < filter.length()) {
      if (filter.charAt(i) == '\'') {
        if (i + 1 < filter.length() && filter.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw new IllegalArgumentException("unterminated string in filter");
  }
}
