package org.ewn.command.transfer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How case transfers are handled ({@code ewn.transfers.*}).
 *
 * @param answerWithin  how long the other party has to accept or reject a request, or grant or refuse an asking,
 *                      before the hub reminds it
 * @param checkInterval how often each command node looks for answers that are overdue
 */
@ConfigurationProperties("ewn.transfers")
record TransferProperties(@DefaultValue("72h") Duration answerWithin, @DefaultValue("5s") Duration checkInterval) {
}
