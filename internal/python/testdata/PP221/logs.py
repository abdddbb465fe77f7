import logging

log = logging.getLogger(__name__)


def login(user, password):
    log.info("login %s with password %s", user, password)  # want: PP221
    log.debug(f"token is {user.token}")  # want: PP221
    log.info("login attempt for %s", user)  # safe
    log.info("password length %d", len(password))  # safe: only its length
    logging.warning("reset requested for %s", user.email)  # safe
