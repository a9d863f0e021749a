// Stands in for the theme's lunr/wordcut.js (677 KB), a dictionary-based Thai
// word splitter that lunr's Hindi support loads and calls only through init()
// and cut(). Hindi separates words with spaces, so splitting on white space
// gives the same tokens at a thousandth of the download.
(function (scope) {
  (scope.lunr || (scope.lunr = {})).wordcut = {
    init: function () {},
    cut: function (text) {
      return text.split(/[\s\-]+/).join("|");
    },
  };
})(typeof self !== "undefined" ? self : this);
