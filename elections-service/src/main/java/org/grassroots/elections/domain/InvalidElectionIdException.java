package org.grassroots.elections.domain;

/** An election id that does not follow Democracy Club's reference definition; the message names the segment. */
public class InvalidElectionIdException extends RuntimeException {

    public InvalidElectionIdException(String message) {
        super(message);
    }
}
