package co.edu.idep.mesa.loans;

import java.time.Instant;

/** One asset of a loan, with what the inventory says of it. */
public record LoanAsset(String tag, String description, String brandModel, String serialNumber,
    LoanAssetState state, ReturnCondition condition, String returnNote, Instant returnedAt) {}
