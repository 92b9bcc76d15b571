package ai.honeyhive.examples.readme;

import java.util.List;

/** What the README's snippets trace: stand-ins for an index, a language model and an inventory. */
final class Fakes {
  private Fakes() {}

  /** A document found by the index. */
  record Doc(String path) {}

  /** A stand-in for a vector index. */
  static final class Index {
    List<Doc> search(String query) {
      return List.of(new Doc("kb/reset-api-key.md"), new Doc("kb/faq.md"));
    }
  }

  /** A stand-in for a language model. */
  static final class Llm {
    String complete(String question, List<Doc> docs) {
      return "From " + docs.get(0).path() + ": rotate the key in Settings.";
    }
  }

  /** A stand-in for an inventory: the stock of a SKU is its length. */
  static final class Stock {
    int lookup(String sku) {
      return sku.length();
    }
  }
}
