package io.nectar.web;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The syntax tree of a {@code pattern} of the OpenAPI document, for {@link PatternStrings}: the
 * subset of regular expressions the document uses, read with the meaning
 * {@link java.util.regex.Pattern} (the validator's engine) gives it: literals, escapes (hexadecimal
 * and Unicode escapes of a character, {@code \d \s \w} and their negations, escaped punctuation),
 * classes with ranges and negation, {@code .}, groups, alternation, greedy or lazy quantifiers, and
 * the anchors {@code ^} and {@code $} at the ends. Anything else (look-around, back references,
 * possessive quantifiers) is refused with a message that says so, never skipped.
 */
final class RegexSyntax {
  private static final int CHARS = 0x10000;

  private RegexSyntax() {}

  /** The tree of {@code pattern}, with {@code .*} at each end that the pattern does not anchor. */
  static Node parse(String pattern) {
    return new Parser(pattern).parse();
  }

  sealed interface Node permits Chars, Sequence, Choice, Repeat {}

  record Chars(BitSet set) implements Node {}

  record Sequence(List<Node> parts) implements Node {}

  record Choice(List<Node> options) implements Node {}

  record Repeat(Node node, int min, int max) implements Node {}

  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    Node parse() {
      boolean anchoredStart = text.startsWith("^");
      if (anchoredStart) {
        at++;
      }
      Node body = alternation();
      boolean anchoredEnd = at < text.length() && text.charAt(at) == '$';
      if (anchoredEnd) {
        at++;
      }
      if (at != text.length()) {
        throw unsupported("unexpected '" + text.charAt(at) + "'");
      }
      // The validator looks for the pattern anywhere in the value (ECMA-262 semantics).
      List<Node> whole = new ArrayList<>();
      if (!anchoredStart) {
        whole.add(new Repeat(new Chars(all()), 0, -1));
      }
      whole.add(body);
      if (!anchoredEnd) {
        whole.add(new Repeat(new Chars(all()), 0, -1));
      }
      return new Sequence(whole);
    }

    private Node alternation() {
      List<Node> options = new ArrayList<>();
      options.add(sequence());
      while (at < text.length() && text.charAt(at) == '|') {
        at++;
        options.add(sequence());
      }
      return options.size() == 1 ? options.get(0) : new Choice(options);
    }

    private Node sequence() {
      List<Node> parts = new ArrayList<>();
      while (at < text.length() && text.charAt(at) != '|' && text.charAt(at) != ')'
          && !(text.charAt(at) == '$' && at == text.length() - 1)) {
        parts.add(quantified(atom()));
      }
      return new Sequence(parts);
    }

    private Node quantified(Node atom) {
      Node node = atom;
      while (at < text.length()) {
        char c = text.charAt(at);
        int min;
        int max;
        if (c == '*' || c == '+' || c == '?') {
          at++;
          min = c == '+' ? 1 : 0;
          max = c == '?' ? 1 : -1;
        } else if (c == '{') {
          int close = text.indexOf('}', at);
          if (close < 0) {
            throw unsupported("unclosed {");
          }
          String[] bounds = text.substring(at + 1, close).split(",", -1);
          min = Integer.parseInt(bounds[0]);
          max = bounds.length == 1 ? min : bounds[1].isEmpty() ? -1 : Integer.parseInt(bounds[1]);
          at = close + 1;
        } else {
          return node;
        }
        if (at < text.length() && text.charAt(at) == '?') {
          at++; // lazy: the same strings
        }
        if (at < text.length() && text.charAt(at) == '+') {
          throw unsupported("possessive quantifier");
        }
        node = new Repeat(node, min, max);
      }
      return node;
    }

    private Node atom() {
      char c = text.charAt(at);
      switch (c) {
        case '(' -> {
          at++;
          if (text.startsWith("?:", at)) {
            at += 2;
          } else if (at < text.length() && text.charAt(at) == '?') {
            throw unsupported("group (" + text.substring(at, Math.min(text.length(), at + 3)));
          }
          Node inner = alternation();
          if (at >= text.length() || text.charAt(at) != ')') {
            throw unsupported("unclosed group");
          }
          at++;
          return inner;
        }
        case '[' -> {
          return new Chars(charClass());
        }
        case '.' -> {
          at++;
          BitSet dot = all();
          for (char excluded : new char[] {'\n', '\r', '\u0085', '\u2028', '\u2029'}) {
            dot.clear(excluded);
          }
          return new Chars(dot);
        }
        case '\\' -> {
          at++;
          return new Chars(escape(false));
        }
        case '^', '$' -> throw unsupported("anchor inside the pattern");
        default -> {
          at++;
          return new Chars(single(c));
        }
      }
    }

    private BitSet charClass() {
      at++; // [
      boolean negated = at < text.length() && text.charAt(at) == '^';
      if (negated) {
        at++;
      }
      BitSet set = new BitSet(CHARS);
      boolean first = true;
      while (at < text.length() && (text.charAt(at) != ']' || first)) {
        first = false;
        if (text.charAt(at) == '[' || text.startsWith("&&", at)) {
          throw unsupported("nested class or intersection");
        }
        BitSet low = element();
        if (low.cardinality() == 1 && at + 1 < text.length() && text.charAt(at) == '-' && text.charAt(at + 1) != ']') {
          at++;
          BitSet high = element();
          if (high.cardinality() != 1) {
            throw unsupported("range to a class");
          }
          set.set(low.nextSetBit(0), high.nextSetBit(0) + 1);
        } else {
          set.or(low);
        }
      }
      if (at >= text.length()) {
        throw unsupported("unclosed class");
      }
      at++; // ]
      if (negated) {
        BitSet complement = all();
        complement.andNot(set);
        return complement;
      }
      set.andNot(surrogates());
      return set;
    }

    private BitSet element() {
      char c = text.charAt(at);
      if (c == '\\') {
        at++;
        return escape(true);
      }
      at++;
      return single(c);
    }

    private BitSet escape(boolean inClass) {
      char c = text.charAt(at++);
      switch (c) {
        case 'd', 'D' -> {
          BitSet digits = new BitSet(CHARS);
          digits.set('0', '9' + 1);
          return c == 'd' ? digits : complement(digits);
        }
        case 's', 'S' -> {
          BitSet space = new BitSet(CHARS);
          for (char s : new char[] {' ', '\t', '\n', '\u000B', '\f', '\r'}) {
            space.set(s);
          }
          return c == 's' ? space : complement(space);
        }
        case 'w', 'W' -> {
          BitSet word = new BitSet(CHARS);
          word.set('a', 'z' + 1);
          word.set('A', 'Z' + 1);
          word.set('0', '9' + 1);
          word.set('_');
          return c == 'w' ? word : complement(word);
        }
        case 'x' -> {
          int code = Integer.parseInt(text.substring(at, at + 2), 16);
          at += 2;
          return single((char) code);
        }
        case 'u' -> {
          int code = Integer.parseInt(text.substring(at, at + 4), 16);
          at += 4;
          return single((char) code);
        }
        case 't' -> {
          return single('\t');
        }
        case 'n' -> {
          return single('\n');
        }
        case 'r' -> {
          return single('\r');
        }
        case 'f' -> {
          return single('\f');
        }
        default -> {
          if (Character.isLetterOrDigit(c)) {
            throw unsupported("escape \\" + c + (inClass ? " in a class" : ""));
          }
          return single(c);
        }
      }
    }

    private static BitSet single(char c) {
      BitSet set = new BitSet(CHARS);
      set.set(c);
      return set;
    }

    private static BitSet complement(BitSet set) {
      BitSet result = all();
      result.andNot(set);
      return result;
    }

    private IllegalArgumentException unsupported(String what) {
      return new IllegalArgumentException("The boundary test cannot read the pattern " + text + " (" + what
          + " at " + at + "); extend RegexSyntax");
    }
  }

  static BitSet all() {
    BitSet set = new BitSet(CHARS);
    set.set(0, CHARS);
    set.andNot(surrogates());
    return set;
  }

  private static BitSet surrogates() {
    BitSet set = new BitSet(CHARS);
    set.set(0xD800, 0xE000);
    return set;
  }
}
