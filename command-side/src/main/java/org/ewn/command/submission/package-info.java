/** The one path every submission takes before it reaches an aggregate: who sent it and what exactly was sent. */
package org.ewn.command.submission;
