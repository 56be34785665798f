/** The network's command-line client, {@code ewn}: keys and certificates, signed submissions, receipts. */
package org.ewn.deploy.cli;
