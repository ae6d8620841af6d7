package io.poolkeeper.reliability;

import java.util.List;

/**
 * What one campaign did and found: a row of the reliability table.
 *
 * @param campaign the campaign's name in the table
 * @param runs how many times its scenario ran
 * @param faultsInjected kills, injected Azure faults, API server outages, out-of-band changes, bad
 *     objects or attacks: whatever the campaign throws at the operator
 * @param converged objects that reached the state the campaign expects of them
 * @param objects objects the campaign expected to converge
 * @param lost each thing lost or broken, in words (a pool deleted or shrunk unasked, a resource
 *     left behind or duplicated, a lock outliving its use, a secret in a log, an object that never
 *     converged); empty when nothing was
 * @param figures the campaign's own measures, in words, for the table's notes
 */
public record CampaignResult(
    String campaign,
    int runs,
    int faultsInjected,
    int converged,
    int objects,
    List<String> lost,
    String figures) {

  public CampaignResult {
    lost = List.copyOf(lost);
  }

  /** Whether everything converged and nothing was lost. */
  public boolean clean() {
    return lost.isEmpty() && converged == objects;
  }
}
