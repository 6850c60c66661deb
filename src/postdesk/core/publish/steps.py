"""The steps of a publish, as the window shows them; light enough to import at start-up."""

from __future__ import annotations

from enum import Enum


class PublishStep(Enum):
    """The steps a publish goes through, as the window shows them."""

    WAITING = "Waiting for another publish of this draft to this blog to finish"
    CONNECTING = "Connecting to the blog"
    CHECKING = "Checking the published post"
    POSTER = "Uploading the poster"
    TERMS = "Setting up categories and tags"
    SENDING = "Sending the post"
    VERIFYING = "Checking the featured image"
    RECORDING = "Recording where the draft is published"
