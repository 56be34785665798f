/**
 * Data subjects: the people an alert, a referral or a case is about. Their personal data travels and rests only as
 * {@link org.ewn.api.subject.ProtectedData}, encrypted with keys of that subject alone, so that destroying the keys
 * erases the person everywhere while every signature over the ciphertext still verifies.
 */
package org.ewn.api.subject;
