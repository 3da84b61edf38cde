package co.edu.idep.mesa.loans;

import java.time.Instant;
import java.util.List;

/** A loan's record (table {@code loan}) with its assets. */
public record Loan(long id, LoanTerms terms, LoanState state, String receivedBy, String handedOverBy,
    Instant handedOverAt, Instant returnedAt, List<LoanAsset> assets) {

  public String ticketCode() {
    return terms.ticketCode();
  }

  public List<LoanAsset> in(LoanAssetState state) {
    return assets.stream().filter(a -> a.state() == state).toList();
  }

  public List<String> tags(LoanAssetState state) {
    return in(state).stream().map(LoanAsset::tag).toList();
  }

  /** The loan as {@code LoanRepository.close} leaves it: returned whole at {@code at}. */
  Loan returned(Instant at) {
    return new Loan(id, terms, LoanState.DEVUELTO, receivedBy, handedOverBy, handedOverAt, at, assets);
  }

  /** What the loan holds: reserved or handed over. */
  public List<String> heldTags() {
    return assets.stream().filter(a -> a.state().held()).map(LoanAsset::tag).toList();
  }
}
