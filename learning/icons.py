"""The topics' small pictures: one line drawing each on a 24 × 24 grid, stroked in the
current colour (the topic's, from the page's CSS), inlined by ``{% topic_icon %}`` so a
page asks for no extra file. Keep them short: they are on every page that shows topics."""

from .models import TopicIcon

DRAWINGS: dict[str, str] = {
    TopicIcon.HAND_COIN: '<circle cx="15" cy="7" r="3"/><path d="M2 14h4l3 2h5a1.5 1.5 0 0 1 0 3H9'
    'M2 21h13l6-5a1.6 1.6 0 0 0-2.3-2.2L15 16"/>',
    TopicIcon.WALLET: '<path d="M3 7h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2zm0 0 12-3v3'
    'M16 13.5h2"/>',
    TopicIcon.FAMILY: '<circle cx="8" cy="6" r="2.5"/><circle cx="17" cy="10" r="2"/>'
    '<path d="M4 21v-6a4 4 0 0 1 8 0v6m2 0v-3a3 3 0 0 1 6 0v3"/>',
    TopicIcon.APPLE: '<path d="M12 8c-2-1.5-7-1.5-7 4 0 4.5 3.5 9.5 7 7.5 3.5 2 7-3 7-7.5'
    ' 0-5.5-5-5.5-7-4zm0 0c0-2.5 1-4 3-5"/>',
    TopicIcon.BRIEFCASE: '<path d="M3 8h18v12H3zm6 0V5h6v3M3 13h18"/>',
    TopicIcon.HOUSE: '<path d="M3 11 12 4l9 7M5 9.5V20h14V9.5M10 20v-5h4v5"/>',
}
